package dev.stowage.wire.protocol;

import static dev.stowage.wire.protocol.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestValidatorTest {

    private static final RequestValidator SAGEMAKER = RequestValidator.forModel(ServiceModel.sageMaker());
    private static final RequestValidator AUTOSCALING =
            RequestValidator.forModel(ServiceModel.applicationAutoScaling());
    private static final String NAME_PATTERN = "^[a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])?$";
    private static final String VARIANT_PATTERN = "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$";

    private static String messageOf(RequestValidator validator, String operation, String body) {
        return RequestValidator.message(validator.validate(operation, json(body)));
    }

    @Test
    void acceptsAValidRequestAndIgnoresUnknownMembers() {
        assertThat(SAGEMAKER.validate(
                        "CreateInferenceComponent",
                        json("{'InferenceComponentName':'ic-1','EndpointName':'ep','NoSuchMember':[1,2],"
                                + "'RuntimeConfig':{'CopyCount':2},'Specification':{'ComputeResourceRequirements':"
                                + "{'NumberOfCpuCoresRequired':2.0,'MinMemoryRequiredInMb':1024}}}")))
                .isEmpty();
    }

    @Test
    void reportsAPatternViolationWithTheAnchoredPattern() {
        assertThat(messageOf(
                        SAGEMAKER,
                        "CreateInferenceComponent",
                        "{'InferenceComponentName':'my_ic','EndpointName':'ep'}"))
                .isEqualTo("1 validation error detected: Value 'my_ic' at 'inferenceComponentName' failed to satisfy"
                        + " constraint: Member must satisfy regular expression pattern: " + NAME_PATTERN);
    }

    @Test
    void reportsMissingRequiredMembersAsNull() {
        assertThat(SAGEMAKER.validate("CreateInferenceComponent", json("{'InferenceComponentName':'ic'}")))
                .containsExactly(new Violation("endpointName", "null", "Member must not be null"));
        assertThat(SAGEMAKER.validate(
                        "CreateInferenceComponent", json("{'InferenceComponentName':'ic','EndpointName':null}")))
                .extracting(Violation::text)
                .containsExactly("Value null at 'endpointName' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void reportsSeveralViolationsJoinedBySemicolons() {
        assertThat(messageOf(SAGEMAKER, "CreateInferenceComponent", "{'InferenceComponentName':'my_ic'}"))
                .isEqualTo("2 validation errors detected: Value 'my_ic' at 'inferenceComponentName' failed to satisfy"
                        + " constraint: Member must satisfy regular expression pattern: " + NAME_PATTERN
                        + "; Value null at 'endpointName' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void reportsPatternThenLengthForOneValue() {
        String tooLong = "a".repeat(64);
        assertThat(SAGEMAKER.validate(
                        "CreateInferenceComponent",
                        json("{'InferenceComponentName':'" + tooLong + "','EndpointName':'ep'}")))
                .extracting(Violation::constraint)
                .containsExactly("Member must have length less than or equal to 63");
        assertThat(SAGEMAKER.validate("DescribeEndpoint", json("{'EndpointName':'" + tooLong + "'}")))
                .extracting(Violation::constraint)
                .containsExactly(
                        "Member must satisfy regular expression pattern: " + VARIANT_PATTERN,
                        "Member must have length less than or equal to 63");
    }

    @Test
    void reportsRangesAndEnums() {
        assertThat(SAGEMAKER.validate("ListInferenceComponents", json("{'MaxResults':0,'SortOrder':'Up'}")))
                .extracting(Violation::text)
                .containsExactly(
                        "Value 'Up' at 'sortOrder' failed to satisfy constraint: Member must satisfy enum value set:"
                                + " [Ascending, Descending]",
                        "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or"
                                + " equal to 1");
        assertThat(SAGEMAKER.validate("ListEndpoints", json("{'MaxResults':101}")))
                .extracting(Violation::text)
                .containsExactly("Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less"
                        + " than or equal to 100");
    }

    @Test
    void printsFloatingPointValuesAndBoundsAsJavaDoubles() {
        assertThat(SAGEMAKER.validate(
                        "CreateInferenceComponent",
                        json("{'InferenceComponentName':'ic','EndpointName':'ep','Specification':"
                                + "{'ComputeResourceRequirements':{'NumberOfCpuCoresRequired':0.1}}}")))
                .extracting(Violation::text)
                .containsExactly(
                        "Value '0.1' at 'specification.computeResourceRequirements.numberOfCpuCoresRequired' failed to"
                                + " satisfy constraint: Member must have value greater than or equal to 0.25",
                        "Value null at 'specification.computeResourceRequirements.minMemoryRequiredInMb' failed to"
                                + " satisfy constraint: Member must not be null");
    }

    @Test
    void pathsIntoListsAreOneBasedWithMember() {
        assertThat(SAGEMAKER.validate(
                        "CreateEndpointConfig",
                        json("{'EndpointConfigName':'cfg','ProductionVariants':[{'VariantName':'ok'},"
                                + "{'VariantName':'bad_name','InitialVariantWeight':-1}]}")))
                .extracting(Violation::path)
                .containsExactly(
                        "productionVariants.2.member.variantName", "productionVariants.2.member.initialVariantWeight");
    }

    @Test
    void lengthsOfListsAndMapsUseTheirShapes() {
        assertThat(SAGEMAKER.validate(
                        "CreateEndpointConfig", json("{'EndpointConfigName':'cfg','ProductionVariants':[]}")))
                .extracting(Violation::text)
                .containsExactly("Value '[]' at 'productionVariants' failed to satisfy constraint: Member must have"
                        + " length greater than or equal to 1");
    }

    @Test
    void simpleListElementsAreReportedOnceAtTheList() {
        assertThat(
                        SAGEMAKER.validate(
                                "CreateModel",
                                json(
                                        "{'ModelName':'m','VpcConfig':{'SecurityGroupIds':['sg-1','sg_2','sg_3'],'Subnets':['s-1']}}")))
                .extracting(Violation::text)
                .containsExactly("Value '[sg-1, sg_2, sg_3]' at 'vpcConfig.securityGroupIds' failed to satisfy"
                        + " constraint: Member must satisfy constraint: [Member must have length less than or equal to"
                        + " 32, Member must have length greater than or equal to 0, Member must satisfy regular"
                        + " expression pattern: ^[-0-9a-zA-Z]+$]");
    }

    @Test
    void mapKeysAreReportedOnceAtTheMap() {
        assertThat(SAGEMAKER.validate(
                        "CreateModel",
                        json("{'ModelName':'m','PrimaryContainer':{'Environment':{'OK':'1','1BAD':'2','2BAD':'3'}}}")))
                .extracting(Violation::text)
                .containsExactly("Value '{OK=1, 1BAD=2, 2BAD=3}' at 'primaryContainer.environment' failed to satisfy"
                        + " constraint: Map keys must satisfy constraint: [Member must have length less than or equal"
                        + " to 1024, Member must have length greater than or equal to 0, Member must satisfy regular"
                        + " expression pattern: ^[a-zA-Z_][a-zA-Z0-9_]*$]");
    }

    @Test
    void structuresInListsAreValidatedDeeply() {
        assertThat(SAGEMAKER.validate("CreateModel", json("{'ModelName':'m','Tags':[{'Key':'k'}]}")))
                .extracting(Violation::text)
                .containsExactly(
                        "Value null at 'tags.1.member.value' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void capsAtTenViolationsInDepthFirstOrder() {
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            tags.append(i == 0 ? "" : ",").append("{}");
        }
        List<Violation> violations = SAGEMAKER.validate("CreateModel", json("{'ModelName':'m','Tags':[" + tags + "]}"));
        assertThat(violations).hasSize(RequestValidator.MAX_VIOLATIONS);
        assertThat(violations.get(0).path()).isEqualTo("tags.1.member.key");
        assertThat(violations.get(1).path()).isEqualTo("tags.1.member.value");
        assertThat(violations.get(9).path()).isEqualTo("tags.5.member.value");
        assertThat(RequestValidator.message(violations)).startsWith("10 validation errors detected: ");
    }

    @Test
    void autoScalingPrintsPatternsAsModeled() {
        assertThat(messageOf(
                        AUTOSCALING,
                        "RegisterScalableTarget",
                        "{'ServiceNamespace':'sagemaker','ResourceId':'','ScalableDimension':"
                                + "'sagemaker:inference-component:DesiredCopyCount'}"))
                .isEqualTo("1 validation error detected: Value '' at 'resourceId' failed to satisfy constraint: Member"
                        + " must have length greater than or equal to 1");
        assertThat(AUTOSCALING.validate(
                        "RegisterScalableTarget",
                        json("{'ServiceNamespace':'sagemaker','ResourceId':'x\\u0007','ScalableDimension':'nope'}")))
                .extracting(Violation::constraint)
                .first()
                .asString()
                .isEqualTo("Member must satisfy regular expression pattern:"
                        + " [\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\r\\n\\t]*");
    }

    @Test
    void wrongJsonTypesAreSerializationExceptions() {
        assertSerialization(
                "{'InferenceComponentName':5,'EndpointName':'ep'}",
                "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String");
        assertSerialization(
                "{'InferenceComponentName':'ic','EndpointName':'ep','RuntimeConfig':{'CopyCount':'2'}}",
                "class java.lang.String can not be converted to an Integer");
        assertSerialization(
                "{'InferenceComponentName':'ic','EndpointName':'ep','Tags':{}}",
                "Start of structure or map found where not expected.");
        assertSerialization("{'InferenceComponentName':'ic','EndpointName':'ep','Tags':'x'}", "Expected list or null");
        assertSerialization(
                "{'InferenceComponentName':['ic'],'EndpointName':'ep'}", "Start of list found where not expected");
        assertSerialization(
                "{'InferenceComponentName':'ic','EndpointName':'ep','RuntimeConfig':true}", "Expected null");
    }

    @Test
    void timestampsAreNumbersOnly() {
        assertThat(SAGEMAKER.validate("ListInferenceComponents", json("{'CreationTimeAfter':1764048000.5}")))
                .isEmpty();
        assertThatThrownBy(() -> SAGEMAKER.validate(
                        "ListInferenceComponents", json("{'CreationTimeAfter':'2026-11-25T00:00:00Z'}")))
                .isInstanceOfSatisfying(
                        WireException.class, e -> assertThat(e.error().code()).isEqualTo("SerializationException"));
    }

    @Test
    void an_integer_member_takes_only_whole_numbers_its_type_holds_never_wrapped() {
        String create = "{'InferenceComponentName':'ic','EndpointName':'ep','RuntimeConfig':{'CopyCount':%s}}";
        assertThat(messageOf(SAGEMAKER, "CreateInferenceComponent", create.formatted("4294967297")))
                .isEqualTo("1 validation error detected: Value '4294967297' at 'runtimeConfig.copyCount' failed to"
                        + " satisfy constraint: Member must have value less than or equal to 2147483647");
        assertThat(messageOf(SAGEMAKER, "CreateInferenceComponent", create.formatted("1.5")))
                .isEqualTo("1 validation error detected: Value '1.5' at 'runtimeConfig.copyCount' failed to satisfy"
                        + " constraint: Member must be a whole number");
        assertThat(messageOf(SAGEMAKER, "CreateInferenceComponent", create.formatted("1e400")))
                .endsWith("Member must be a finite number");
        assertThat(messageOf(SAGEMAKER, "CreateInferenceComponent", create.formatted("100000000000000000000000")))
                .endsWith("Member must have value less than or equal to 2147483647");
        assertThat(SAGEMAKER.validate("CreateInferenceComponent", json(create.formatted("2.0"))))
                .as("a whole number written with a fraction of zero")
                .isEmpty();
        assertThat(messageOf(
                        AUTOSCALING,
                        "RegisterScalableTarget",
                        "{'ServiceNamespace':'sagemaker','ResourceId':'inference-component/ic','ScalableDimension':"
                                + "'sagemaker:inference-component:DesiredCopyCount','MinCapacity':-4294967297}"))
                .endsWith("Member must have value greater than or equal to -2147483648");
    }

    @Test
    void a_floating_point_member_takes_only_finite_numbers() {
        assertThat(messageOf(
                        SAGEMAKER,
                        "CreateInferenceComponent",
                        "{'InferenceComponentName':'ic','EndpointName':'ep','Specification':{'ComputeResourceRequirements':"
                                + "{'NumberOfCpuCoresRequired':1e400,'MinMemoryRequiredInMb':1024}}}"))
                .isEqualTo("1 validation error detected: Value 'Infinity' at"
                        + " 'specification.computeResourceRequirements.numberOfCpuCoresRequired' failed to satisfy"
                        + " constraint: Member must be a finite number");
    }

    @Test
    void a_timestamp_is_a_finite_epoch_within_the_years_1_to_9999() {
        for (String epoch : new String[] {"1e400", "253402300800", "-62135596801"}) {
            assertThat(messageOf(SAGEMAKER, "ListInferenceComponents", "{'CreationTimeAfter':" + epoch + "}"))
                    .as(epoch)
                    .endsWith("Member must be a timestamp between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z,"
                            + " in epoch seconds");
        }
        assertThat(SAGEMAKER.validate("ListInferenceComponents", json("{'CreationTimeAfter':253402300799}")))
                .isEmpty();
    }

    @Test
    void checkThrowsTheValidationException() {
        assertThatThrownBy(() -> SAGEMAKER.check("DeleteEndpoint", json("{}")))
                .isInstanceOfSatisfying(WireException.class, e -> assertThat(e.error())
                        .isEqualTo(WireError.validation("1 validation error detected: Value null at 'endpointName'"
                                + " failed to satisfy constraint: Member must not be null")));
    }

    private static void assertSerialization(String body, String message) {
        assertThatThrownBy(() -> SAGEMAKER.validate("CreateInferenceComponent", json(body)))
                .isInstanceOfSatisfying(
                        WireException.class, e -> assertThat(e.error()).isEqualTo(WireError.serialization(message)));
    }
}
