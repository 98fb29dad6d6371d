package io.qubench.backend.credentials;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Secrets in one file, AES-256-GCM with a key derived from the user's passphrase by
 * PBKDF2-HMAC-SHA256, for machines without a keyring. The file holds a magic, the iteration
 * count, salt, nonce and ciphertext; it is rewritten whole through a temporary file, readable by
 * its owner only. A wrong passphrase or a damaged file is refused and the file left untouched.
 */
public final class EncryptedFileSecretStore implements SecretStore {

    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final byte[] MAGIC = {'Q', 'B', 'S', '1'};
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path file;
    private final char[] passphrase;
    private final int iterations;
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json = new ObjectMapper();

    public EncryptedFileSecretStore(Path file, char[] passphrase, int iterations) {
        if (passphrase.length == 0) {
            throw new CredentialException("An empty passphrase cannot protect " + file);
        }
        this.file = file;
        this.passphrase = passphrase.clone();
        this.iterations = iterations;
    }

    @Override
    public synchronized Optional<String> get(String account) {
        return Optional.ofNullable(read().get(account));
    }

    @Override
    public synchronized void put(String account, String secret) {
        Map<String, String> secrets = read();
        secrets.put(account, secret);
        write(secrets);
    }

    @Override
    public synchronized void delete(String account) {
        Map<String, String> secrets = read();
        if (secrets.remove(account) != null) {
            write(secrets);
        }
    }

    @Override
    public String description() {
        return "an encrypted file at " + file;
    }

    private Map<String, String> read() {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
            byte[] magic = new byte[MAGIC.length];
            if (in.remaining() < MAGIC.length + 4 + SALT_BYTES + NONCE_BYTES) {
                throw damaged("too short");
            }
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw damaged("not a Qubench secrets file");
            }
            int rounds = in.getInt();
            if (rounds < 1 || rounds > 10_000_000) {
                throw damaged("bad header");
            }
            byte[] salt = new byte[SALT_BYTES];
            byte[] nonce = new byte[NONCE_BYTES];
            in.get(salt).get(nonce);
            byte[] sealed = new byte[in.remaining()];
            in.get(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(salt, rounds), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(MAGIC);
            byte[] plain = cipher.doFinal(sealed);
            try {
                return json.readValue(plain, new TypeReference<TreeMap<String, String>>() { });
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            throw new CredentialException(file + ": cannot be opened with this passphrase (wrong passphrase, or the file is damaged); it was left as it is", e);
        } catch (IOException e) {
            throw new CredentialException(file + ": cannot be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new CredentialException(file + ": cannot be decrypted: " + e.getMessage(), e);
        }
    }

    private void write(Map<String, String> secrets) {
        try {
            byte[] salt = new byte[SALT_BYTES];
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(salt);
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(salt, iterations), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(MAGIC);
            byte[] plain = json.writeValueAsBytes(secrets);
            byte[] sealed = cipher.doFinal(plain);
            Arrays.fill(plain, (byte) 0);
            ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + SALT_BYTES + NONCE_BYTES + sealed.length);
            out.put(MAGIC).putInt(iterations).put(salt).put(nonce).put(sealed);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            ownerOnly(Files.createFile(temporary));
            Files.write(temporary, out.array());
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CredentialException(file + ": cannot be written: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new CredentialException(file + ": cannot be encrypted: " + e.getMessage(), e);
        }
    }

    private SecretKeySpec key(byte[] salt, int rounds) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, rounds, 256);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(key, "AES");
        } finally {
            spec.clearPassword();
        }
    }

    private static void ownerOnly(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the user's profile ACL, which is owner-only already.
        }
    }

    private CredentialException damaged(String why) {
        return new CredentialException(file + ": damaged secrets file (" + why + "); it was left as it is");
    }
}
