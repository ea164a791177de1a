package dev.stowage.local.stream;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;

/** Converts SDK v2 attribute values into the {@code aws-lambda-java-events} model, every type included. */
final class AttributeValues {
    private AttributeValues() {}

    static Map<String, AttributeValue> convert(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        Map<String, AttributeValue> converted = new LinkedHashMap<>();
        item.forEach((name, value) -> converted.put(name, convert(value)));
        return converted;
    }

    static AttributeValue convert(software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
        AttributeValue result = new AttributeValue();
        switch (value.type()) {
            case S -> result.setS(value.s());
            case N -> result.setN(value.n());
            case B -> result.setB(value.b().asByteBuffer());
            case SS -> result.setSS(value.ss());
            case NS -> result.setNS(value.ns());
            case BS ->
                result.setBS(value.bs().stream().map(SdkBytes::asByteBuffer).toList());
            case M -> result.setM(convert(value.m()));
            case L -> result.setL(convertList(value.l()));
            case BOOL -> result.setBOOL(value.bool());
            case NUL -> result.setNULL(Boolean.TRUE);
            case UNKNOWN_TO_SDK_VERSION ->
                throw new IllegalArgumentException("attribute type unknown to the SDK: " + value);
        }
        return result;
    }

    private static List<AttributeValue> convertList(
            List<software.amazon.awssdk.services.dynamodb.model.AttributeValue> values) {
        return values.stream().map(AttributeValues::convert).toList();
    }
}
