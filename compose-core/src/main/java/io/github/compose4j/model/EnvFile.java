package io.github.compose4j.model;

/** An {@code env_file} entry. */
public record EnvFile(@Key("path") String path, @Key(value = "required", omitEmpty = false, yamlOmitEmpty = false) boolean required,
        @Key("format") String format) {
}
