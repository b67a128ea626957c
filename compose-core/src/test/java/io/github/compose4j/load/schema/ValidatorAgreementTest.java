package io.github.compose4j.load.schema;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Mark;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;
import io.github.compose4j.load.yaml.YamlLimits;
import io.github.compose4j.load.yaml.YamlParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The compose-spec validator ({@link ValidityCheck}, and {@link GoEvaluator} which words its errors)
 * agrees with networknt's json-schema-validator on whether documents are valid: every compose file of
 * the conformance corpus (outside this repository: the test is skipped without it), systematic
 * mutations of those files (a value replaced by one of another type, a key renamed, a list item
 * repeated), the documents of {@link SchemaValidatorTest}, and documents for a schema using every
 * keyword the compose-spec does not.
 */
class ValidatorAgreementTest {
    private static final Path CORPUS = Path.of(System.getProperty("compose4j.conformance.cases",
            "/work/shared/conformance/cases"));
    /** Nodes mutated per document, spread over the document. */
    private static final int MUTATED_NODES = 12;

    private static GoSchema schema;
    private static NetworkntReference reference;

    @BeforeAll
    static void compile() {
        schema = SchemaValidator.get().schema();
        reference = NetworkntReference.bundled();
    }

    /**
     * A document, where it came from, and the verdicts. The evaluator only runs on documents the check
     * rejects (it must then find an error), as in {@link SchemaValidator}.
     */
    private record Verdict(String origin, boolean ours, boolean evaluator, boolean networknt) {
        boolean agrees() {
            return ours == evaluator && ours == networknt;
        }
    }

    private static Verdict judge(String origin, MapNode document) {
        return judge(origin, document, schema, reference);
    }

    private static Verdict judge(String origin, MapNode document, GoSchema schema, NetworkntReference reference) {
        boolean ours = ValidityCheck.valid(schema, document);
        boolean evaluator = ours || GoEvaluator.validate(schema, document).valid();
        return new Verdict(origin, ours, evaluator, reference.valid(document));
    }

    private static List<Verdict> judgeAll(List<Named> documents) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Named d : documents) {
            verdicts.add(judge(d.origin, d.document));
        }
        return verdicts;
    }

    private record Named(String origin, MapNode document) {
    }

    @Test
    void corpusFilesGetTheSameVerdict() throws IOException {
        List<Verdict> verdicts = judgeAll(corpus());
        assertThat(verdicts.stream().filter(v -> !v.agrees())).isEmpty();
        assertThat(verdicts.stream().filter(Verdict::networknt)).as("valid documents").isNotEmpty();
        assertThat(verdicts.stream().filter(v -> !v.networknt())).as("invalid documents").isNotEmpty();
    }

    @Test
    void mutatedCorpusFilesGetTheSameVerdict() throws IOException {
        List<Named> mutants = new ArrayList<>();
        for (Named d : corpus()) {
            mutants.addAll(mutations(d));
        }
        List<Verdict> verdicts = judgeAll(mutants);
        assertThat(verdicts.stream().filter(v -> !v.agrees())).isEmpty();
        assertThat(verdicts.stream().filter(Verdict::networknt)).as("valid mutants").isNotEmpty();
        assertThat(verdicts.stream().filter(v -> !v.networknt()).count()).as("invalid mutants")
                .isGreaterThan(verdicts.size() / 4);
    }

    @Test
    void aNonFiniteFloatAnywhereFailsTheCheck() throws IOException {
        // The check also stands for Compose's JSON encoding, which fails on NaN and infinities.
        int injected = 0;
        for (Named d : corpus()) {
            List<List<Object>> all = new ArrayList<>();
            paths(d.document, List.of(), all);
            int step = Math.max(1, all.size() / MUTATED_NODES);
            for (int i = 0; i < all.size(); i += step) {
                List<Object> path = all.get(i);
                Node nan = ScalarNode.of(i % 2 == 0 ? Double.NaN : Double.NEGATIVE_INFINITY);
                Node replaced = replace(d.document, path, 0, old -> old instanceof ScalarNode ? nan
                        : old instanceof SeqNode seq ? withItem(seq, nan) : ((MapNode) old).with("x-nan", nan));
                assertThat(ValidityCheck.valid(schema, replaced)).as(d.origin + " " + path).isFalse();
                injected++;
            }
        }
        assertThat(injected).isGreaterThan(1000);
    }

    private static SeqNode withItem(SeqNode seq, Node item) {
        List<Node> items = new ArrayList<>(seq.items());
        items.add(item);
        return new SeqNode(items, seq.mark());
    }

    @Test
    void schemaTestDocumentsGetTheSameVerdict() {
        List<Named> documents = new ArrayList<>();
        for (String yaml : SCHEMA_TEST_DOCUMENTS) {
            Named d = new Named(yaml, Trees.yaml(yaml));
            documents.add(d);
            documents.addAll(mutations(d));
        }
        List<Verdict> verdicts = judgeAll(documents);
        assertThat(verdicts.stream().filter(v -> !v.agrees())).isEmpty();
        assertThat(verdicts.stream().filter(v -> !v.networknt())).isNotEmpty();
    }

    @Test
    void keywordsTheComposeSpecDoesNotUseGetTheSameVerdict() {
        String json = """
                {"type": "object", "additionalProperties": false,
                 "dependencies": {"a": ["b"], "c": {"required": ["s"]}},
                 "properties": {
                   "a": {"type": "integer", "multipleOf": 3, "exclusiveMinimum": 0, "exclusiveMaximum": 100},
                   "b": {"type": "number", "minimum": -1.5, "maximum": 1e3},
                   "c": {"const": {"k": [1, "x"]}},
                   "s": {"type": "string", "minLength": 2, "maxLength": 4, "pattern": "^[a-c]+$"},
                   "d": {"type": "string", "format": "duration"},
                   "t": {"type": "array", "items": [{"type": "string"}, {"type": "integer"}], "additionalItems": false,
                         "minItems": 1, "contains": {"const": "k"}},
                   "u": {"type": "array", "items": [{"type": "string"}], "additionalItems": {"type": "boolean"},
                         "uniqueItems": true, "maxItems": 3},
                   "m": {"type": "object", "propertyNames": {"maxLength": 3, "pattern": "^[^z]"},
                         "minProperties": 1, "maxProperties": 2},
                   "e": {"enum": ["x", 1, null, true, [1], {"a": 1}]},
                   "i": {"if": {"type": "string"}, "then": {"minLength": 3}, "else": {"type": "integer"}},
                   "o": {"oneOf": [{"type": "string"}, {"maxLength": 2}]},
                   "n": {"allOf": [{"type": ["integer", "string"]}, {"not": {"const": 5}}],
                         "anyOf": [{"type": "integer"}, {"pattern": "y$"}]},
                   "f": false,
                   "p": {"patternProperties": {"^x-": {"type": "string"}, "[0-9]{2}": {"type": "integer"}},
                         "additionalProperties": {"type": "boolean"}}}}
                """;
        GoSchema keywords = GoSchema.compile(JsonReader.read(json));
        NetworkntReference networknt = NetworkntReference.of(json);
        List<Named> documents = new ArrayList<>();
        for (String yaml : List.of(
                "a: 3\nb: 0.5\nc: {k: [1.0, x]}\ns: abc\nd: 1h\nt: [k, 1]\nu: [a, true]\nm: {ab: 1}\n",
                "e: x\ni: abcd\no: abc\nn: 7\np: {x-a: s, a12: 3, q: true}\n",
                "e: [1]\ni: 4\nn: 6\ne: {a: 1.0}\n",
                "a: 6\nb: 1000\nc: {k: [1, x]}\ns: ab\n")) {
            Named d = new Named(yaml, Trees.yaml(yaml));
            documents.add(d);
            documents.addAll(mutations(d));
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (Named d : documents) {
            verdicts.add(judge(d.origin, d.document, keywords, networknt));
        }
        assertThat(verdicts.stream().filter(v -> !v.agrees())).isEmpty();
        assertThat(verdicts.subList(0, 1)).allMatch(Verdict::ours);
        assertThat(verdicts.stream().filter(v -> !v.networknt()).count()).isGreaterThan(verdicts.size() / 4);
    }

    private static List<Named> corpus;

    private static List<Named> corpus() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "conformance corpus not found at " + CORPUS);
        if (corpus == null) {
            corpus = readCorpus();
        }
        return corpus;
    }

    private static List<Named> readCorpus() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        YamlParser parser = new YamlParser(YamlLimits.DEFAULT);
        List<Named> documents = new ArrayList<>();
        for (Path file : files) {
            List<MapNode> parsed;
            try {
                parsed = parser.parse(file.toString(), Files.readString(file));
            } catch (RuntimeException | IOException e) {
                continue; // not a compose file we can read: other tests cover those
            }
            for (int i = 0; i < parsed.size(); i++) {
                if (encodable(parsed.get(i))) {
                    documents.add(new Named(file + "#" + i, parsed.get(i)));
                }
            }
        }
        assertThat(documents).as("documents of " + CORPUS).hasSizeGreaterThan(100);
        return documents;
    }

    /** NaN and infinities fail before validation; networknt cannot see them. */
    private static boolean encodable(Node node) {
        if (node instanceof MapNode map) {
            for (int i = 0; i < map.size(); i++) {
                if (!encodable(map.valueAt(i))) {
                    return false;
                }
            }
            return true;
        }
        if (node instanceof SeqNode seq) {
            return seq.items().stream().allMatch(ValidatorAgreementTest::encodable);
        }
        return !(((ScalarNode) node).value() instanceof Double d) || Double.isFinite(d);
    }

    // --- mutations -------------------------------------------------------------------------------

    private static final List<Node> REPLACEMENTS = List.of(
            ScalarNode.of("text"),
            ScalarNode.of(7L),
            ScalarNode.of(1.5),
            ScalarNode.of(2.0),
            ScalarNode.of(-3L),
            ScalarNode.of(true),
            ScalarNode.of(null),
            ScalarNode.of("1m30s"),
            ScalarNode.of("always"),
            MapNode.empty(Mark.NONE),
            MapNode.builder(Mark.NONE).put("x-ext", ScalarNode.of(1L)).build(),
            MapNode.builder(Mark.NONE).put("source", ScalarNode.of("a")).put("target", ScalarNode.of("/b")).build(),
            new SeqNode(List.of(), Mark.NONE),
            new SeqNode(List.of(ScalarNode.of("a"), ScalarNode.of("b")), Mark.NONE),
            new SeqNode(List.of(ScalarNode.of("a"), ScalarNode.of("a")), Mark.NONE),
            new SeqNode(List.of(ScalarNode.of(1L), ScalarNode.of(1.0)), Mark.NONE));

    private static final List<String> NEW_KEYS = List.of("x-new", "bad key!", "image", "zz", "condition", "",
            "two words", "line\nbreak");

    /** Paths (keys and indexes) of every node below the root, in document order. */
    private static void paths(Node node, List<Object> prefix, List<List<Object>> out) {
        if (node instanceof MapNode map) {
            for (int i = 0; i < map.size(); i++) {
                List<Object> p = new ArrayList<>(prefix);
                p.add(map.keyAt(i));
                out.add(p);
                paths(map.valueAt(i), p, out);
            }
        } else if (node instanceof SeqNode seq) {
            for (int i = 0; i < seq.size(); i++) {
                List<Object> p = new ArrayList<>(prefix);
                p.add(i);
                out.add(p);
                paths(seq.get(i), p, out);
            }
        }
    }

    private static List<Named> mutations(Named original) {
        List<List<Object>> all = new ArrayList<>();
        paths(original.document, List.of(), all);
        List<Named> out = new ArrayList<>();
        if (all.isEmpty()) {
            return out;
        }
        int step = Math.max(1, all.size() / MUTATED_NODES);
        int n = 0;
        for (int i = 0; i < all.size(); i += step, n++) {
            List<Object> path = all.get(i);
            Node replacement = REPLACEMENTS.get(n % REPLACEMENTS.size());
            Node other = REPLACEMENTS.get((n * 7 + 3) % REPLACEMENTS.size());
            out.add(new Named(original.origin + " " + path + " := " + replacement,
                    (MapNode) replace(original.document, path, 0, old -> replacement)));
            out.add(new Named(original.origin + " " + path + " := " + other,
                    (MapNode) replace(original.document, path, 0, old -> other)));
            String key = NEW_KEYS.get(n % NEW_KEYS.size());
            out.add(new Named(original.origin + " " + path + " renamed " + key,
                    (MapNode) rename(original.document, path, 0, key)));
            out.add(new Named(original.origin + " " + path + " doubled",
                    (MapNode) replace(original.document, path, 0, ValidatorAgreementTest::doubled)));
        }
        return out;
    }

    /** A sequence with its first item repeated at the end (other nodes unchanged). */
    private static Node doubled(Node node) {
        if (node instanceof SeqNode seq && seq.size() > 0) {
            List<Node> items = new ArrayList<>(seq.items());
            items.add(seq.get(0));
            return new SeqNode(items, seq.mark());
        }
        return node;
    }

    private static Node replace(Node node, List<Object> path, int depth, java.util.function.UnaryOperator<Node> fn) {
        if (depth == path.size()) {
            return fn.apply(node);
        }
        Object step = path.get(depth);
        if (node instanceof MapNode map) {
            String key = (String) step;
            return map.with(key, replace(map.get(key), path, depth + 1, fn));
        }
        SeqNode seq = (SeqNode) node;
        int index = (Integer) step;
        List<Node> items = new ArrayList<>(seq.items());
        items.set(index, replace(seq.get(index), path, depth + 1, fn));
        return new SeqNode(items, seq.mark());
    }

    /** The tree with the last key of the path renamed (or unchanged when the path ends at an index). */
    private static Node rename(Node root, List<Object> path, int depth, String newKey) {
        if (!(path.get(path.size() - 1) instanceof String oldKey)) {
            return root;
        }
        List<Object> parent = path.subList(0, path.size() - 1);
        return replace(root, parent, depth, node -> {
            MapNode map = (MapNode) node;
            if (map.has(newKey)) {
                return map;
            }
            return map.without(oldKey).toBuilder().put(newKey, map.get(oldKey)).build();
        });
    }

    private static final List<String> SCHEMA_TEST_DOCUMENTS = List.of(
            """
            name: demo
            services:
              web:
                build: {context: ., args: [A=1]}
                image: example/web:1.0
                command: ["sh", "-c", "echo hi"]
                ports: ["8080:80", 9090, {target: 443, published: "8443"}]
                environment: {A: "1", B: 2, C: true, D: null}
                depends_on: {db: {condition: service_healthy}}
                healthcheck: {test: ["CMD", "true"], interval: 1m30s, timeout: 500ms, retries: 3}
                deploy: {replicas: 2, resources: {limits: {cpus: "0.5", memory: 50M}}}
                volumes: ["./data:/data:ro", {type: volume, source: v, target: /v}]
                x-extra: anything
              db:
                image: postgres
                develop: {watch: [{path: ./src, action: sync, target: /src}]}
            networks: {front: null, back: {driver: bridge}}
            volumes: {v: {}}
            secrets: {s: {file: ./s.txt}}
            configs: {c: {external: true}}
            """,
            "services: {}\n",
            "services:\n  app:\n    image: a\n    deploy:\n      replicas: 2.0\n",
            "services:\n  app:\n    image: 1\n",
            "services:\n  nil:\n",
            "services:\n  app:\n    image: a\n    pull_policy: sometimes\n",
            "services:\n  app:\n    image: a\n    depends_on:\n      db:\n        condition: started\n",
            "services:\n  app:\n    build:\n      context: .\n      foo: 1\n",
            "services:\n  app:\n    image: a\n    secrets: [s, {source: t, type: env}]\n",
            "services:\n  app:\n    image: a\n    ulimits:\n      nofile:\n        soft: 1\n",
            "services:\n  app:\n    image: a\n    cpu_percent: 101\n",
            "services:\n  app:\n    image: a\n    security_opt: [a, b, a]\n",
            "services:\n  app:\n    restart: 2\n    image: 1\n");
}
