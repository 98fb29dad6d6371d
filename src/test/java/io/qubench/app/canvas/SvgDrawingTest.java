package io.qubench.app.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.qubench.circuit.Circuit;
import io.qubench.qasm.QasmReader;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

class SvgDrawingTest {

    private static final String CIRCUIT = """
            OPENQASM 2.0;
            include "qelib1.inc";
            qreg q[2];
            creg c[2];
            h q[0];
            t q[1];
            h q[1];
            rz(pi/4) q[0];
            cx q[0], q[1];
            barrier q;
            measure q -> c;
            """;

    @Test
    void theCircuitDrawnAsSvgParsesAndHoldsOneTextPerGateLabel() throws Exception {
        Circuit circuit = QasmReader.parse(CIRCUIT, "test.qasm");
        CircuitLayout layout = CircuitLayout.of(circuit);
        CanvasMetrics m = new CanvasMetrics(1.0);
        double w = m.width(layout.columns()) + m.cellWidth() / 2;
        double h = m.height(layout.rows());
        SvgDrawing drawing = new SvgDrawing(w, h);
        new CircuitPainter(new CanvasColours()).paint(drawing, circuit, layout, m, 0, 0, w, h,
                new CircuitPainter.Overlay(Set.of(), -1, null, null));

        Document svg = parse(drawing.svg());

        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg.getDocumentElement().getAttribute("width")).isEqualTo(format(w));
        List<String> texts = texts(svg);
        assertThat(texts).filteredOn("H"::equals).hasSize(2);
        assertThat(texts).filteredOn("T"::equals).hasSize(1);
        assertThat(texts).filteredOn("Rz"::equals).hasSize(1);
        assertThat(texts).filteredOn("π/4"::equals).hasSize(1);
        assertThat(texts).contains("q[0]", "q[1]", "c 2/");
        // The controlled X is a dot, a circle and a line, not a label; two measurements, two meter arcs.
        assertThat(svg.getElementsByTagName("circle").getLength()).isEqualTo(2);
        assertThat(svg.getElementsByTagName("path").getLength()).isEqualTo(2);
        Element barrier = dashedLines(svg).getFirst();
        assertThat(barrier.getAttribute("stroke-dasharray")).isEqualTo("5 3");
    }

    @Test
    void textIsEscapedAndTheTranslationAndStyleInForceAreWritten() throws Exception {
        SvgDrawing drawing = new SvgDrawing(100, 50);
        drawing.save();
        drawing.translate(10, 5);
        drawing.setFill(Color.rgb(255, 0, 0, 0.5));
        drawing.setFont(Drawing.Typeface.bold("Monospaced", 12));
        drawing.setTextAlign(TextAlignment.CENTER);
        drawing.setTextBaseline(VPos.CENTER);
        drawing.fillText("<a & \"b\">\u0001", 1.5, 2, 0);
        drawing.restore();
        drawing.fillRect(1, 1, 2, 2);

        Document svg = parse(drawing.svg());

        Element text = (Element) svg.getElementsByTagName("text").item(0);
        assertThat(text.getTextContent()).isEqualTo("<a & \"b\">");
        assertThat(text.getAttribute("x")).isEqualTo("11.5");
        assertThat(text.getAttribute("y")).isEqualTo("7");
        assertThat(text.getAttribute("fill")).isEqualTo("#ff0000");
        assertThat(text.getAttribute("fill-opacity")).isEqualTo("0.5");
        assertThat(text.getAttribute("font-family")).isEqualTo("monospace");
        assertThat(text.getAttribute("font-weight")).isEqualTo("bold");
        assertThat(text.getAttribute("text-anchor")).isEqualTo("middle");
        assertThat(text.getAttribute("dominant-baseline")).isEqualTo("central");
        Element rect = (Element) svg.getElementsByTagName("rect").item(0);
        assertThat(rect.getAttribute("x")).isEqualTo("1");
    }

    @Test
    void anArcTurnsCounterClockwiseFromItsStartAngleAsOnTheCanvas() throws Exception {
        SvgDrawing drawing = new SvgDrawing(100, 100);
        drawing.strokeArc(0, 0, 20, 20, 0, 90);

        Element path = (Element) parse(drawing.svg()).getElementsByTagName("path").item(0);

        // From the right of the circle up to its top: sweep flag 0 in SVG's y-down frame.
        assertThat(path.getAttribute("d")).isEqualTo("M 20 10 A 10 10 0 0 0 10 0");
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    private static List<Element> dashedLines(Document svg) {
        NodeList nodes = svg.getElementsByTagName("line");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.hasAttribute("stroke-dasharray")) {
                out.add(e);
            }
        }
        return out;
    }

    private static String format(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.2f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
