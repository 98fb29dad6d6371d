package io.qubench.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.qubench.circuit.UserInputException;

/**
 * Prices by backend name ({@code braket:sv1}) or by provider ({@code ibm:*}), starting from the
 * providers' published figures; the user edits them as JSON ({@link #save}, {@link #load}).
 */
public final class PricingTable {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String BRAKET = "AWS Braket published pricing: $0.30 per task plus a per-shot fee";
    private static final String BRAKET_SIMULATOR = "AWS Braket: $0.075 per simulator minute, billed per second, "
            + "3 s minimum (verify against the AWS price list)";
    private static final String IONQ = "Azure Quantum's published IonQ formula (2024-12): $0.000220 per 1q gate-shot, "
            + "$0.000975 per 2q gate-shot, $12.4166 minimum without error mitigation";

    private final Map<String, Pricing> prices;

    public PricingTable(Map<String, Pricing> prices) {
        this.prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
    }

    /** The published figures Qubench starts from. */
    public static PricingTable published() {
        Map<String, Pricing> p = new LinkedHashMap<>();
        p.put("local", Pricing.FREE);
        p.put("emulator:*", new Pricing(0, 0, 0, 0, 0, 0, 0, "emulated on this machine"));
        p.put("ibm:*", Pricing.perSecond(96.0 / 60, 0, "IBM Quantum Pay-As-You-Go per QPU second ($96 a minute; "
                + "verify against your plan)"));
        p.put("ionq:simulator", new Pricing(0, 0, 0, 0, 0, 0, 0, "IonQ's cloud simulator is free"));
        p.put("ionq:*", new Pricing(0, 0, 0, 0, 0.000220, 0.000975, 12.4166, IONQ));
        p.put("braket:sv1", Pricing.perSecond(0.075 / 60, 3, BRAKET_SIMULATOR));
        p.put("braket:dm1", Pricing.perSecond(0.075 / 60, 3, BRAKET_SIMULATOR));
        p.put("braket:forte-1", Pricing.perTaskAndShot(0.30, 0.08, BRAKET + " (IonQ Forte $0.08)"));
        p.put("braket:garnet", Pricing.perTaskAndShot(0.30, 0.00145, BRAKET + " (IQM Garnet $0.00145)"));
        p.put("braket:ankaa-3", Pricing.perTaskAndShot(0.30, 0.0009, BRAKET + " (Rigetti Ankaa $0.0009)"));
        return new PricingTable(p);
    }

    public Map<String, Pricing> entries() {
        return prices;
    }

    /** The price of {@code backend}: its own entry, else its provider's ({@code ibm:*}). */
    public Optional<Pricing> find(String backend) {
        Pricing exact = prices.get(backend);
        if (exact != null) {
            return Optional.of(exact);
        }
        int colon = backend.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.ofNullable(prices.get(backend.substring(0, colon) + ":*"));
    }

    public Pricing require(String backend) {
        return find(backend).orElseThrow(() -> new UserInputException("no price for backend " + backend
                + " in the pricing table; add \"" + backend + "\" to the pricing JSON file"));
    }

    /** This table with {@code backend}'s price set. */
    public PricingTable with(String backend, Pricing pricing) {
        Map<String, Pricing> copy = new LinkedHashMap<>(prices);
        copy.put(backend, pricing);
        return new PricingTable(copy);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(new Document(prices));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("pricing cannot be written as JSON", e);
        }
    }

    public static PricingTable fromJson(String text, String source) {
        try {
            Document d = JSON.readValue(text, Document.class);
            if (d.prices() == null) {
                throw new DeviceFormatException(source, "has no \"prices\" object");
            }
            for (Map.Entry<String, Pricing> e : d.prices().entrySet()) {
                if (e.getValue() == null) {
                    throw new DeviceFormatException(source, "price of " + e.getKey() + " is empty");
                }
            }
            return new PricingTable(d.prices());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new DeviceFormatException(source, "is not a pricing table" + where + ": " + e.getOriginalMessage());
        }
    }

    public void save(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, toJson());
        } catch (IOException e) {
            throw new UserInputException("cannot write the pricing table to " + file + ": " + e.getMessage(), e);
        }
    }

    public static PricingTable load(Path file) {
        try {
            return fromJson(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UserInputException("cannot read the pricing table " + file + ": " + e.getMessage(), e);
        }
    }

    /** The JSON shape: {@code {"prices": {"braket:sv1": {...}}}}. */
    record Document(Map<String, Pricing> prices) {
        Document {
            prices = prices == null ? null : new LinkedHashMap<>(prices);
        }
    }
}
