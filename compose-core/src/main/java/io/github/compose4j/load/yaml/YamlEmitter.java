package io.github.compose4j.load.yaml;

import java.util.Map;
import java.util.function.Predicate;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.RepresentToNode;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.JsonSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/** Writes plain values (maps, lists, strings, numbers, booleans, null) as block-style YAML text. */
public final class YamlEmitter {

    private YamlEmitter() {
    }

    /**
     * Two-space indentation, no line folding; single-line strings are plain unless {@code quoted}
     * says they must be double-quoted (the emitter still quotes where plain text cannot be).
     */
    public static String dump(Object plainValue, Predicate<String> quoted) {
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndent(2)
                .setIndicatorIndent(2)
                .setIndentWithIndicator(true)
                .setWidth(Integer.MAX_VALUE)
                .setSchema(new PlainSchema())
                .build();
        return new Dump(settings, new StyledRepresenter(settings, quoted)).dumpToString(plainValue);
    }

    private static final class StyledRepresenter extends StandardRepresenter {
        StyledRepresenter(DumpSettings settings, Predicate<String> quoted) {
            super(settings);
            RepresentToNode standard = representers.get(String.class);
            representers.put(String.class, data -> {
                String s = (String) data;
                if (s.indexOf('\n') >= 0) {
                    return standard.representData(data);
                }
                return representScalar(Tag.STR, s, quoted.test(s) ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.PLAIN);
            });
        }
    }

    /** The JSON schema without SnakeYAML's {@code ${VAR}} tag, which would have such strings quoted. */
    private static final class PlainSchema implements Schema {
        private final Schema json = new JsonSchema();
        private final ScalarResolver resolver = (value, implicit) -> {
            Tag tag = json.getScalarResolver().resolve(value, implicit);
            return tag.equals(Tag.ENV_TAG) ? Tag.STR : tag;
        };

        @Override
        public ScalarResolver getScalarResolver() {
            return resolver;
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            return json.getSchemaTagConstructors();
        }
    }
}
