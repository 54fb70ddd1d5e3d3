package org.roster.app.runs;

import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * What Roster's SVG charts share: the document with its {@code <title>} and {@code <desc>} (so a
 * screen reader says what the picture shows), the ink and font, round scales, and the few shapes
 * they are drawn with. The JDK's {@link XMLStreamWriter} escapes every text and attribute, and only
 * presentation attributes are used, so the server's Content-Security-Policy holds for the images.
 *
 * <pre>{@code
 * String svg = SvgCharts.document("the run chart", 960, 440, "chart", title, description,
 *         xml -> SvgCharts.text(xml, 480, 220, "middle", 16, "No runs yet"));
 * }</pre>
 */
final class SvgCharts {

    static final String INK = "#1b1f24";
    static final String GRID = "#d9dde3";
    static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

    private SvgCharts() {
    }

    /** What a chart draws on its white background. */
    @FunctionalInterface
    interface Drawing {
        void draw(XMLStreamWriter xml) throws XMLStreamException;
    }

    /**
     * A standalone SVG document of this size: its title and description under ids that start with
     * {@code idPrefix} (two charts on one page keep apart), a white background, then the drawing.
     *
     * @param what the chart's name, for the error should the document fail to be written
     */
    static String document(String what, int width, int height, String idPrefix, String title, String description,
                           Drawing drawing) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("svg");
            xml.writeDefaultNamespace("http://www.w3.org/2000/svg");
            attribute(xml, "viewBox", "0 0 " + width + " " + height);
            attribute(xml, "width", width);
            attribute(xml, "height", height);
            attribute(xml, "role", "img");
            attribute(xml, "aria-labelledby", idPrefix + "-title " + idPrefix + "-desc");
            attribute(xml, "font-family", FONT);
            attribute(xml, "font-size", 12);
            attribute(xml, "fill", INK);

            xml.writeStartElement("title");
            attribute(xml, "id", idPrefix + "-title");
            xml.writeCharacters(title);
            xml.writeEndElement();
            xml.writeStartElement("desc");
            attribute(xml, "id", idPrefix + "-desc");
            xml.writeCharacters(description);
            xml.writeEndElement();

            rect(xml, 0, 0, width, height, "#ffffff", null);
            drawing.draw(xml);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(what + " could not be written: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /**
     * The smallest of 1, 2, 4, 6 or 8 times a power of ten that is at least {@code value} (and at
     * least 1): a round top whose half, where the middle grid line goes, is round too.
     */
    static long niceCeiling(long value) {
        if (value <= 1) {
            return 1;
        }
        long power = 1;
        while (power * 10 <= value) {
            power *= 10;
        }
        for (long factor : new long[] {1, 2, 4, 6, 8, 10}) {
            if (factor * power >= value) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    static String statusWords(String status) {
        return status.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static void attribute(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        xml.writeAttribute(name, String.valueOf(value));
    }

    static void text(XMLStreamWriter xml, double x, double y, String anchor, int size, String text)
            throws XMLStreamException {
        xml.writeStartElement("text");
        attribute(xml, "x", format(x));
        attribute(xml, "y", format(y));
        attribute(xml, "text-anchor", anchor);
        attribute(xml, "font-size", size);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    static void line(XMLStreamWriter xml, double x1, double y1, double x2, double y2, String colour,
                     double width, String dash) throws XMLStreamException {
        xml.writeStartElement("line");
        attribute(xml, "x1", format(x1));
        attribute(xml, "y1", format(y1));
        attribute(xml, "x2", format(x2));
        attribute(xml, "y2", format(y2));
        attribute(xml, "stroke", colour);
        attribute(xml, "stroke-width", width);
        if (!"none".equals(dash)) {
            attribute(xml, "stroke-dasharray", dash);
        }
        xml.writeEndElement();
    }

    static void rect(XMLStreamWriter xml, double x, double y, double width, double height, String fill,
                     String stroke) throws XMLStreamException {
        xml.writeStartElement("rect");
        attribute(xml, "x", format(x));
        attribute(xml, "y", format(y));
        attribute(xml, "width", format(width));
        attribute(xml, "height", format(height));
        attribute(xml, "fill", fill);
        if (stroke != null) {
            attribute(xml, "stroke", stroke);
        }
        xml.writeEndElement();
    }
}
