package dev.stowage.local.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** Turns DynamoDB Streams records (SDK v2) into the {@link DynamodbEvent} a Lambda stream handler receives. */
final class StreamRecords {
    private static final String EVENT_SOURCE = "aws:dynamodb";

    private StreamRecords() {}

    static List<DynamodbEvent.DynamodbStreamRecord> convert(List<Record> records, String streamArn, String region) {
        List<DynamodbEvent.DynamodbStreamRecord> converted = new ArrayList<>(records.size());
        for (Record record : records) {
            converted.add(convert(record, streamArn, region));
        }
        return converted;
    }

    static DynamodbEvent.DynamodbStreamRecord convert(Record record, String streamArn, String region) {
        DynamodbEvent.DynamodbStreamRecord result = new DynamodbEvent.DynamodbStreamRecord();
        result.setEventID(record.eventID());
        result.setEventName(record.eventNameAsString());
        result.setEventVersion(record.eventVersion() == null ? "1.1" : record.eventVersion());
        result.setEventSource(EVENT_SOURCE);
        result.setAwsRegion(region);
        result.setEventSourceARN(streamArn);
        result.setDynamodb(convert(record.dynamodb()));
        return result;
    }

    private static StreamRecord convert(software.amazon.awssdk.services.dynamodb.model.StreamRecord source) {
        StreamRecord target = new StreamRecord();
        if (source.approximateCreationDateTime() != null) {
            target.setApproximateCreationDateTime(Date.from(source.approximateCreationDateTime()));
        }
        if (source.hasKeys()) {
            target.setKeys(AttributeValues.convert(source.keys()));
        }
        if (source.hasNewImage()) {
            target.setNewImage(AttributeValues.convert(source.newImage()));
        }
        if (source.hasOldImage()) {
            target.setOldImage(AttributeValues.convert(source.oldImage()));
        }
        target.setSequenceNumber(source.sequenceNumber());
        target.setSizeBytes(source.sizeBytes());
        if (source.streamViewTypeAsString() != null) {
            target.setStreamViewType(StreamViewType.fromValue(source.streamViewTypeAsString()));
        }
        return target;
    }
}
