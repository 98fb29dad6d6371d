package io.qubench.app.canvas;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * {@link Drawing} as SVG text: each shape becomes one element with the colours, line and font
 * in force, so the exported file is the picture on screen, scalable. Pure Java; no toolkit needed.
 */
final class SvgDrawing implements Drawing {

    private final StringBuilder body = new StringBuilder();
    private final double width;
    private final double height;
    private final Deque<double[]> saved = new ArrayDeque<>();
    private double dx;
    private double dy;
    private Color fill = Color.BLACK;
    private Color stroke = Color.BLACK;
    private double lineWidth = 1;
    private double[] dashes = new double[0];
    private Typeface font = Typeface.plain("System", 12);
    private TextAlignment align = TextAlignment.LEFT;
    private VPos baseline = VPos.BASELINE;

    SvgDrawing(double width, double height) {
        this.width = width;
        this.height = height;
    }

    /** The whole document drawn so far. */
    String svg() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + n(width) + "\" height=\"" + n(height)
                + "\" viewBox=\"0 0 " + n(width) + " " + n(height) + "\">\n" + body + "</svg>\n";
    }

    @Override
    public void setFill(Color colour) {
        fill = colour;
    }

    @Override
    public void setStroke(Color colour) {
        stroke = colour;
    }

    @Override
    public void setLineWidth(double width) {
        lineWidth = width;
    }

    @Override
    public void setLineDashes(double... dashes) {
        this.dashes = dashes == null ? new double[0] : dashes.clone();
    }

    @Override
    public void setFont(Typeface font) {
        this.font = font;
    }

    @Override
    public void setTextAlign(TextAlignment align) {
        this.align = align;
    }

    @Override
    public void setTextBaseline(VPos baseline) {
        this.baseline = baseline;
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        element("rect", "x", x + dx, "y", y + dy, "width", w, "height", h).append(fillPaint()).append("/>\n");
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        element("rect", "x", x + dx, "y", y + dy, "width", w, "height", h).append(" fill=\"none\"").append(strokePaint()).append("/>\n");
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arcW, double arcH) {
        element("rect", "x", x + dx, "y", y + dy, "width", w, "height", h, "rx", arcW / 2, "ry", arcH / 2).append(fillPaint())
                .append("/>\n");
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arcW, double arcH) {
        element("rect", "x", x + dx, "y", y + dy, "width", w, "height", h, "rx", arcW / 2, "ry", arcH / 2).append(" fill=\"none\"")
                .append(strokePaint()).append("/>\n");
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        element("line", "x1", x1 + dx, "y1", y1 + dy, "x2", x2 + dx, "y2", y2 + dy).append(strokePaint()).append("/>\n");
    }

    @Override
    public void fillCircle(double cx, double cy, double r) {
        element("circle", "cx", cx + dx, "cy", cy + dy, "r", r).append(fillPaint()).append("/>\n");
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            points.append(i == 0 ? "" : " ").append(n(xs[i] + dx)).append(',').append(n(ys[i] + dy));
        }
        body.append("<polygon points=\"").append(points).append('"').append(fillPaint()).append("/>\n");
    }

    /** JavaFX angles turn counter-clockwise on screen, which is SVG's sweep flag 0. */
    @Override
    public void strokeArc(double x, double y, double w, double h, double startAngle, double extent) {
        double rx = w / 2;
        double ry = h / 2;
        double cx = x + dx + rx;
        double cy = y + dy + ry;
        double a0 = Math.toRadians(startAngle);
        double a1 = Math.toRadians(startAngle + extent);
        String d = "M " + n(cx + rx * Math.cos(a0)) + " " + n(cy - ry * Math.sin(a0)) + " A " + n(rx) + " " + n(ry) + " 0 "
                + (Math.abs(extent) > 180 ? 1 : 0) + " " + (extent > 0 ? 0 : 1) + " " + n(cx + rx * Math.cos(a1)) + " "
                + n(cy - ry * Math.sin(a1));
        body.append("<path d=\"").append(d).append("\" fill=\"none\"").append(strokePaint()).append("/>\n");
    }

    @Override
    public void fillText(String text, double x, double y, double maxWidth) {
        element("text", "x", x + dx, "y", y + dy).append(" font-family=\"").append(family()).append('"')
                .append(" font-size=\"").append(n(font.size())).append('"')
                .append(font.bold() ? " font-weight=\"bold\"" : "")
                .append(" text-anchor=\"").append(anchor()).append('"')
                .append(dominantBaseline())
                .append(fillPaint()).append('>').append(escape(text)).append("</text>\n");
    }

    @Override
    public void save() {
        saved.push(new double[] {dx, dy});
    }

    @Override
    public void restore() {
        double[] t = saved.pop();
        dx = t[0];
        dy = t[1];
    }

    @Override
    public void translate(double x, double y) {
        dx += x;
        dy += y;
    }

    private StringBuilder element(String name, Object... attributes) {
        body.append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            body.append(' ').append(attributes[i]).append("=\"").append(n((Double) attributes[i + 1])).append('"');
        }
        return body;
    }

    private String fillPaint() {
        return " fill=\"" + hex(fill) + "\"" + (fill.getOpacity() < 1 ? " fill-opacity=\"" + n(fill.getOpacity()) + "\"" : "");
    }

    /** JavaFX strokes end square by default; SVG's default would cut the lines short. */
    private String strokePaint() {
        StringBuilder s = new StringBuilder(" stroke=\"").append(hex(stroke)).append('"');
        if (stroke.getOpacity() < 1) {
            s.append(" stroke-opacity=\"").append(n(stroke.getOpacity())).append('"');
        }
        s.append(" stroke-width=\"").append(n(lineWidth)).append("\" stroke-linecap=\"square\"");
        if (dashes.length > 0) {
            s.append(" stroke-dasharray=\"");
            for (int i = 0; i < dashes.length; i++) {
                s.append(i == 0 ? "" : " ").append(n(dashes[i]));
            }
            s.append('"');
        }
        return s.toString();
    }

    private String family() {
        return switch (font.family()) {
            case "Monospaced" -> "monospace";
            case "System" -> "sans-serif";
            default -> escape(font.family());
        };
    }

    private String anchor() {
        return switch (align) {
            case CENTER -> "middle";
            case RIGHT -> "end";
            default -> "start";
        };
    }

    private String dominantBaseline() {
        return switch (baseline) {
            case TOP -> " dominant-baseline=\"hanging\"";
            case CENTER -> " dominant-baseline=\"central\"";
            case BOTTOM -> " dominant-baseline=\"text-after-edge\"";
            default -> "";
        };
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    /** A number as SVG wants it: a dot for decimals whatever the locale, at most two places. */
    private static String n(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    /** Text as XML character data: markup characters escaped, characters XML cannot hold dropped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                            || cp >= 0x10000) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
