package org.roster.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The published JSON Schema (for policy authors' editors) and the parser agree: what one accepts
 * the other accepts, and what the schema refuses the parser refuses too.
 */
class PolicySchemaTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchema SCHEMA = load();

    static final List<String> BUNDLED = Policies.BUNDLED;

    private static JsonSchema load() {
        try (InputStream in = Policies.class.getResourceAsStream("/policies/policy.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<ValidationMessage> schemaProblems(String yaml) throws Exception {
        JsonNode node = YAML.readTree(yaml);
        return SCHEMA.validate(node);
    }

    @ParameterizedTest
    @FieldSource("BUNDLED")
    void everyBundledPolicyMatchesThePublishedSchema(String name) throws Exception {
        assertThat(schemaProblems(Policies.text(name))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "policy: p\\nfields: [givenName]\\nvisibility: [{id: a, same: department}]\\nextra: 1\\n",
        "policy: p\\nfields: [manager]\\nvisibility: [{id: a, same: department}]\\n",
        "policy: p\\nfields: [givenName]\\nvisibility: [{id: a, same: department, everyone: true}]\\n",
        "policy: p\\nfields: [givenName]\\nvisibility: [{id: Bad Id, same: department}]\\n",
        "policy: p\\nfields: [givenName]\\nvisibility: []\\n",
        "policy: p\\nfields: [givenName]\\nvisibility: [{id: a, same: department}]\\nphones: {kinds: [satellite]}\\n",
        "policy: p\\nfields: [givenName]\\nvisibility: [{id: a, same: department}]\\nretention: {personalData: 30 days}\\n",
        "policy: p\\nscope: [{id: a, exclude: {field: title}}]\\nfields: [givenName]\\nvisibility: [{id: b, same: department}]\\n",
        "policy: p\\nscope: [{id: a, exclude: {memberOf: cn=x, under: ou=y}}]\\nfields: [givenName]\\nvisibility: [{id: b, same: department}]\\n"
    })
    void whatTheSchemaRefusesTheParserRefusesToo(String escaped) throws Exception {
        String yaml = escaped.replace("\\n", "\n");

        assertThat(schemaProblems(yaml)).as("schema").isNotEmpty();
        assertThat(parses(yaml)).as("parser").isFalse();
    }

    private static boolean parses(String yaml) {
        try {
            PolicyParser.parse("p.yaml", yaml);
            return true;
        } catch (InvalidPolicyException e) {
            return false;
        }
    }
}
