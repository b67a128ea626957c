package io.github.compose4j.load.schema;

/** gojsonschema's error kinds, with their type names and English message templates. */
enum GoErrorType {
    FALSE("false", "False always fails validation"),
    REQUIRED("required", "{property} is required"),
    INVALID_TYPE("invalid_type", "Invalid type. Expected: {expected}, given: {given}"),
    ANY_OF("number_any_of", "Must validate at least one schema (anyOf)"),
    ONE_OF("number_one_of", "Must validate one and only one schema (oneOf)"),
    ALL_OF("number_all_of", "Must validate all the schemas (allOf)"),
    NOT("number_not", "Must not validate the schema (not)"),
    MISSING_DEPENDENCY("missing_dependency", "Has a dependency on {dependency}"),
    CONDITION_THEN("condition_then", "Must validate \"then\" as \"if\" was valid"),
    CONDITION_ELSE("condition_else", "Must validate \"else\" as \"if\" was not valid"),
    CONST("const", "{field} does not match: {allowed}"),
    ENUM("enum", "{field} must be one of the following: {allowed}"),
    NO_ADDITIONAL_ITEMS("array_no_additional_items", "No additional items allowed on array"),
    MIN_ITEMS("array_min_items", "Array must have at least {min} items"),
    MAX_ITEMS("array_max_items", "Array must have at most {max} items"),
    UNIQUE("unique", "{type} items[{i},{j}] must be unique"),
    CONTAINS("contains", "At least one of the items must match"),
    MIN_PROPERTIES("array_min_properties", "Must have at least {min} properties"),
    MAX_PROPERTIES("array_max_properties", "Must have at most {max} properties"),
    ADDITIONAL_PROPERTY("additional_property_not_allowed", "Additional property {property} is not allowed"),
    INVALID_PROPERTY_NAME("invalid_property_name", "Property name of \"{property}\" does not match"),
    MIN_LENGTH("string_gte", "String length must be greater than or equal to {min}"),
    MAX_LENGTH("string_lte", "String length must be less than or equal to {max}"),
    PATTERN("pattern", "Does not match pattern '{pattern}'"),
    FORMAT("format", "Does not match format '{format}'"),
    MULTIPLE_OF("multiple_of", "Must be a multiple of {multiple}"),
    MINIMUM("number_gte", "Must be greater than or equal to {min}"),
    EXCLUSIVE_MINIMUM("number_gt", "Must be greater than {min}"),
    MAXIMUM("number_lte", "Must be less than or equal to {max}"),
    EXCLUSIVE_MAXIMUM("number_lt", "Must be less than {max}");

    private final String typeName;
    private final String template;

    GoErrorType(String typeName, String template) {
        this.typeName = typeName;
        this.template = template;
    }

    String typeName() {
        return typeName;
    }

    String template() {
        return template;
    }
}
