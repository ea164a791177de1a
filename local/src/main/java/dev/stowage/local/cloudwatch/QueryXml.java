package dev.stowage.local.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.wire.protocol.ServiceModel;
import dev.stowage.wire.protocol.Shape;
import dev.stowage.wire.protocol.WireError;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * The query protocol's XML answers, as botocore's {@code QueryParser} reads them: {@code <OpResponse
 * xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><OpResult>…</OpResult><ResponseMetadata><RequestId>…}, a
 * list's items as {@code <member>}, a map's as {@code <entry><key/><value/></entry>}, timestamps in ISO 8601 with
 * milliseconds, and errors as {@code <ErrorResponse><Error><Type>Sender</Type><Code/><Message/></Error><RequestId/>}.
 */
final class QueryXml {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ServiceModel model;
    private final String namespace;

    QueryXml(ServiceModel model, String namespace) {
        this.model = model;
        this.namespace = namespace;
    }

    /** {@code <OpResponse>}, with {@code <OpResult>} when the operation has an output. */
    String response(String operation, @Nullable JsonNode output, @Nullable String outputShape, String requestId) {
        return document(xml -> {
            xml.writeStartElement(operation + "Response");
            xml.writeDefaultNamespace(namespace);
            if (output != null && outputShape != null) {
                xml.writeStartElement(operation + "Result");
                members(xml, output, (Shape.Structure) model.shape(outputShape));
                xml.writeEndElement();
            }
            xml.writeStartElement("ResponseMetadata");
            element(xml, "RequestId", requestId);
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    /** {@code <ErrorResponse>} with the error's query code. */
    String error(WireError error, String requestId) {
        return document(xml -> {
            xml.writeStartElement("ErrorResponse");
            xml.writeDefaultNamespace(namespace);
            xml.writeStartElement("Error");
            element(xml, "Type", CloudWatchErrors.fault(error));
            element(xml, "Code", CloudWatchErrors.queryCode(error.code()));
            element(xml, "Message", error.message());
            xml.writeEndElement();
            element(xml, "RequestId", requestId);
            xml.writeEndElement();
        });
    }

    private void members(XMLStreamWriter xml, JsonNode value, Shape.Structure shape) throws XMLStreamException {
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            String memberShape = shape.members().get(member.getKey());
            if (memberShape != null && !member.getValue().isNull()) {
                xml.writeStartElement(member.getKey());
                write(xml, member.getValue(), model.shape(memberShape));
                xml.writeEndElement();
            }
        }
    }

    private void write(XMLStreamWriter xml, JsonNode value, Shape shape) throws XMLStreamException {
        switch (shape) {
            case Shape.Structure structure -> members(xml, value, structure);
            case Shape.ListOf list -> {
                for (JsonNode item : value) {
                    xml.writeStartElement("member");
                    write(xml, item, model.shape(list.member()));
                    xml.writeEndElement();
                }
            }
            case Shape.MapOf map -> {
                for (Map.Entry<String, JsonNode> entry : value.properties()) {
                    xml.writeStartElement("entry");
                    element(xml, "key", entry.getKey());
                    xml.writeStartElement("value");
                    write(xml, entry.getValue(), model.shape(map.value()));
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
            }
            case Shape.Timestamp timestamp ->
                xml.writeCharacters(ISO_MILLIS.format(Members.instant(value.doubleValue())));
            case Shape.Numeric numeric ->
                xml.writeCharacters(
                        numeric.kind().integral()
                                ? value.bigIntegerValue().toString()
                                : Double.toString(value.doubleValue()));
            case Shape.Bool bool -> xml.writeCharacters(Boolean.toString(value.asBoolean()));
            case Shape.Text text -> xml.writeCharacters(xmlText(value.asText()));
            case Shape.Blob blob -> xml.writeCharacters(xmlText(value.asText()));
        }
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(xmlText(text));
        xml.writeEndElement();
    }

    /**
     * The text with every character XML 1.0 cannot hold (controls other than tab and line ends, lone surrogates)
     * as U+FFFD: a stored name or a quoted value with {@code \\u0000} made a document no client could parse (issue
     * 13).
     */
    static String xmlText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(legal(c) ? c : 0xFFFD));
        return out.toString();
    }

    private static boolean legal(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static String document(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }
}
