package dev.stowage.wire.protocol;

import static dev.stowage.wire.protocol.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ModelledMembersTest {
    private static final ModelledMembers SAGEMAKER = new ModelledMembers(ServiceModel.sageMaker());

    @Test
    void keeps_every_modelled_member_at_every_depth_and_drops_the_rest() {
        ObjectNode request = (ObjectNode) json("{'ModelName':'m','Extra':'x','ExecutionRoleArn':'r',"
                + "'Containers':[{'Image':'i','Junk':{'deep':1},'Environment':{'A':'1','B':'2'}}],"
                + "'PrimaryContainer':{'Image':'p','ModelDataSource':{'S3DataSource':{'S3Uri':'s3://b/k',"
                + "'S3DataType':'S3Prefix','CompressionType':'None','Unknown':true}}},'Tags':[{'Key':'k','Value':'v',"
                + "'Note':'n'}]}");

        assertThat(SAGEMAKER.of("CreateModel", request))
                .isEqualTo(json("{'ModelName':'m','ExecutionRoleArn':'r',"
                        + "'Containers':[{'Image':'i','Environment':{'A':'1','B':'2'}}],"
                        + "'PrimaryContainer':{'Image':'p','ModelDataSource':{'S3DataSource':{'S3Uri':'s3://b/k',"
                        + "'S3DataType':'S3Prefix','CompressionType':'None'}}},'Tags':[{'Key':'k','Value':'v'}]}"));
    }

    @Test
    void a_request_of_modelled_members_only_is_unchanged() {
        ObjectNode request =
                (ObjectNode) json("{'InferenceComponentName':'ic','DesiredRuntimeConfig':{'CopyCount':2}}");

        assertThat(SAGEMAKER.of("UpdateInferenceComponentRuntimeConfig", request))
                .isEqualTo(request);
    }
}
