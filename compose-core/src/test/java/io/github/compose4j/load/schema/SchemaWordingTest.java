package io.github.compose4j.load.schema;

import io.github.compose4j.error.ComposeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * gojsonschema's wording for each family of error, on small inline schemas so that the tests do not
 * depend on which compose-spec.json is bundled (newer ones dropped the name pattern and the duration
 * formats).
 */
class SchemaWordingTest {

    private static SchemaValidator schema(String json) {
        return SchemaValidator.of(json);
    }

    private static String error(SchemaValidator validator, String yaml) {
        ComposeException e = catchThrowableOfType(ComposeException.class,
                () -> validator.validate(Trees.yaml(yaml), "f.yaml"));
        assertThat(e).as("expected a schema error").isNotNull();
        return e.getMessage();
    }

    @Test
    void pattern() {
        SchemaValidator v = schema("""
                {"type": "object", "properties": {"name": {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*$"}}}""");
        assertThatCode(() -> v.validate(Trees.yaml("name: my-app_1\n"))).doesNotThrowAnyException();
        assertThat(error(v, "name: My-App\n"))
                .isEqualTo("compose.yaml:1:7: validating f.yaml: name Does not match pattern '^[a-z0-9][a-z0-9_-]*$'");
    }

    @Test
    void patternDollarMatchesOnlyAtTheEndAsInGo() {
        SchemaValidator v = schema("""
                {"type": "object", "properties": {"name": {"type": "string", "pattern": "^[a-z]+$"}}}""");
        assertThat(error(v, "name: \"abc\\n\"\n"))
                .isEqualTo("compose.yaml:1:7: validating f.yaml: name Does not match pattern '^[a-z]+$'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1h2m3.5s
            300ms
            -1.5us
            0
            """)
    void durationFormatAcceptsGoDurations(String value) {
        SchemaValidator v = schema("""
                {"type": "object", "properties": {"interval": {"type": "string", "format": "duration"}}}""");
        assertThatCode(() -> v.validate(Trees.yaml("interval: \"" + value + "\"\n"))).doesNotThrowAnyException();
    }

    @Test
    void durationFormat() {
        SchemaValidator v = schema("""
                {"type": "object", "properties": {"interval": {"type": "string", "format": "duration"}}}""");
        assertThat(error(v, "interval: 10x\n"))
                .isEqualTo("compose.yaml:1:11: validating f.yaml: interval Does not match format 'duration'");
    }

    @Test
    void durationFormatRejectsNumbersAndOtherFormatsAcceptAnything() {
        SchemaValidator v = schema("""
                {"type": "object", "properties": {"d": {"format": "duration"}, "p": {"format": "ports"},
                 "s": {"format": "subnet_ip_address"}}}""");
        assertThatCode(() -> v.validate(Trees.yaml("p: whatever\ns: not-an-ip\nd: [1]\n"))).doesNotThrowAnyException();
        assertThat(error(v, "d: 10\n")).isEqualTo("compose.yaml:1:4: validating f.yaml: d Does not match format 'duration'");
    }

    @Test
    void integralFloatsAreIntegers() {
        SchemaValidator v = schema("""
                {"type": "object", "properties": {"n": {"type": "integer"}, "m": {"type": ["integer", "string"]}}}""");
        assertThatCode(() -> v.validate(Trees.yaml("n: 1.0\nm: 3e2\n"))).doesNotThrowAnyException();
        assertThat(error(v, "n: 1.5\n")).isEqualTo("compose.yaml:1:4: validating f.yaml: n must be a integer");
        assertThat(error(v, "m: 1.5\n")).isEqualTo("compose.yaml:1:4: validating f.yaml: m must be a integer or string");
    }

    @Test
    void anyOfIsDescribedByItsClosestBranch() {
        SchemaValidator v = schema("""
                {"type": "object", "properties": {"a": {"anyOf": [
                  {"type": "string"},
                  {"type": "object", "properties": {"x": {"type": "integer"}}, "additionalProperties": false}]}}}""");
        assertThat(error(v, "a:\n  x: 1\n  y: 2\n"))
                .isEqualTo("compose.yaml:3:3: validating f.yaml: a Additional property y is not allowed");
    }

    @Test
    void oneOfMatchingTwiceKeepsTheGenericText() {
        SchemaValidator v = schema("""
                {"type": "object", "properties": {"a": {"oneOf": [{"type": "string"}, {"minLength": 1}]}}}""");
        assertThat(error(v, "a: x\n"))
                .isEqualTo("compose.yaml:1:4: validating f.yaml: a Must validate one and only one schema (oneOf)");
    }

    @Test
    void oneOfWithOnlyTypeMismatchesReportsTheFirstType() {
        SchemaValidator v = schema("""
                {"type": "object", "properties": {"a": {"oneOf": [{"type": "object"}, {"type": "array"}]}}}""");
        assertThat(error(v, "a: 1\n")).isEqualTo("compose.yaml:1:4: validating f.yaml: a must be a mapping");
    }

    @Test
    void required() {
        SchemaValidator v = schema("""
                {"type": "object", "properties": {"w": {"type": "object", "required": ["path", "action"]}}}""");
        assertThat(error(v, "w:\n  action: sync\n"))
                .isEqualTo("compose.yaml:2:3: validating f.yaml: w path is required");
    }

    @Test
    void boundsAndLengths() {
        SchemaValidator v = schema("""
                {"type": "object", "properties": {
                  "n": {"type": "number", "minimum": -1000, "exclusiveMaximum": 1.5},
                  "s": {"type": "string", "minLength": 2},
                  "l": {"type": "array", "maxItems": 1}}}""");
        assertThat(error(v, "n: -1001\n"))
                .isEqualTo("compose.yaml:1:4: validating f.yaml: n Must be greater than or equal to -1000");
        assertThat(error(v, "n: 1.5\n")).isEqualTo("compose.yaml:1:4: validating f.yaml: n Must be less than 1.5");
        assertThat(error(v, "s: x\n"))
                .isEqualTo("compose.yaml:1:4: validating f.yaml: s String length must be greater than or equal to 2");
        assertThat(error(v, "l: [1, 2]\n"))
                .isEqualTo("compose.yaml:1:4: validating f.yaml: l Array must have at most 1 items");
    }

    @Test
    void typeListsReadAsEnglish() {
        assertThat(ComposeMessage.humanReadableType("[string,number,boolean,null]"))
                .isEqualTo("string, number, boolean or null");
        assertThat(ComposeMessage.humanReadableType("[object,array]")).isEqualTo("mapping or list");
        assertThat(ComposeMessage.humanReadableType("array")).isEqualTo("list");
    }

    @Test
    void propertyNames() {
        SchemaValidator v = schema("""
                {"type": "object", "propertyNames": {"maxLength": 3}}""");
        assertThatCode(() -> v.validate(Trees.yaml("abc: 1\n"))).doesNotThrowAnyException();
        assertThat(error(v, "abcd: 1\n"))
                .isEqualTo("compose.yaml:1:1: validating f.yaml: (root) Property name of \"abcd\" does not match");
    }

    @Test
    void ifThenElse() {
        SchemaValidator v = schema("""
                {"type": "object", "properties": {"a": {"if": {"type": "string"}, "then": {"minLength": 2}}}}""");
        assertThatCode(() -> v.validate(Trees.yaml("a: 1\n"))).doesNotThrowAnyException();
        assertThat(error(v, "a: x\n"))
                .isEqualTo("compose.yaml:1:4: validating f.yaml: a Must validate \"then\" as \"if\" was valid");
    }

    @Test
    void dependencies() {
        SchemaValidator v = schema("""
                {"type": "object", "dependencies": {"a": ["b"]}}""");
        assertThat(error(v, "a: 1\n")).isEqualTo("compose.yaml:1:1: validating f.yaml: (root) Has a dependency on b");
    }

    @Test
    void contains() {
        SchemaValidator v = schema("""
                {"type": "object", "properties": {"l": {"type": "array", "contains": {"const": "k"}}}}""");
        assertThatCode(() -> v.validate(Trees.yaml("l: [a, k]\n"))).doesNotThrowAnyException();
        assertThat(error(v, "l: [a]\n")).isEqualTo("compose.yaml:1:5: validating f.yaml: l.0 l.0 does not match: \"k\"");
    }

    @Test
    void floatsJsonCannotEncodeFailUnderATrueSchema() {
        SchemaValidator v = schema("""
                {"type": "object", "properties": {"a": true}}""");
        assertThat(error(v, "a: [1, .nan]\n")).isEqualTo("compose.yaml:1:8: validating f.yaml: json: unsupported value: NaN");
    }
}
