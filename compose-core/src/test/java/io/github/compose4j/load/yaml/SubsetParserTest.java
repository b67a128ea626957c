package io.github.compose4j.load.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast parser builds exactly the graphs snakeyaml-engine's events build (values, styles, tags, anchors
 * and every position), and leaves everything else to the general parser.
 */
class SubsetParserTest {

    static List<String> handled() {
        return List.of(
                "services:\n  web:\n    image: \"nginx\"\n    ports:\n      - 80:80\n      - target: 81\n",
                "a: {b: [1, 2]}\nc:\n- x\n",
                "é: ü\n",
                "a: !override [1]\nb: &x v\nc: *x\n",
                "x: &x {a: 1}\ny:\n  <<: *x\n  b: 2\n",
                // empty values, at the end of lines, of documents and of sequence entries
                "a:\nb: # comment\nc:\n  -\n  - \nd:",
                // plain scalars: indicators inside, comments, multi-line folding, tabs between words
                "a: b:c ::d -e ?f :g a#b\nb: one two  # comment\nc: first\n  second\n\n   third\nd: x\ty\t\n",
                "s:\n- a\n  b\n- - c\n  - d\n-   e: 1\n    f: 2\n",
                // quoted scalars: escapes, doubled quotes, folding, escaped line breaks, comment right after
                "a: \"x\\ty\\u00e9\\x41\\U0001F600\\/\\\"\"\nb: 'it''s'\nc: \"one\n  two\n\n  three\"#c\n"
                        + "d: \"a\\\n  b\"\ne: 'p\n\n  q'\n\"f g\" : h\n",
                // block scalars: chomping, indentation indicators, folding rules, blank lines
                "a: |\n  x\n   y\n\n  z\nb: >-\n  p\n  q\n\n  r\n   s\nc: |+\n  k\n\nd: >2\n   e\n  f\ne: |-\nf: |\n",
                "s:\n  - |\n    in a sequence\n  - >\n      deeper\n  - key: |\n      in a mapping\n",
                // flow collections over several lines, trailing commas, JSON
                "a: [\n  1, \"two\",\n  # comment\n  {three: 3, \"four\": [4],},\n]\nb: {a: , c: d}\n",
                "{\n  \"services\": {\"web\": {\"image\": \"nginx\", \"ports\": [\"80:80\"], \"x\": null}},\n"
                        + "  \"e\": {}\n}\n",
                // properties: either order, on their own line before a collection, on empty values
                "a: &a !!str 1\nb: !!int &b 2\nc: &c\n  d: 1\ne: !reset\nf: !override\n- g\nh: ! 3\ni: &i\nj: [*a, *b]\n",
                "x: !reset\n  - a\ny: &y\n  - b\nz: *y\n",
                // documents, comments, CRLF line breaks
                "# header\n---\na: 1\n---   # two\nb: 2\n",
                "a: 1\r\nb:\r\n  - c\r\n",
                // the root mapping may be indented
                "  a: 1\n  b: 2\n"
        );
    }

    static List<String> leftToTheGeneralParser() {
        return List.of(
                "a: b: c\n",
                "services:\n\tapp: {}\n",
                "a: \u0001\n",
                "? complex\n: key\n",
                "%YAML 1.2\n---\na: 1\n",
                "&anchor key: value\n",
                "a: 1\n...\n",
                "a: 1\n---\n",
                "- just\n- a list\n",
                "a: [" + "[".repeat(100) + "]".repeat(100) + "]\n",
                "a: *unknown\n",
                "a: \"unterminated\n",
                "a: \"\\q\"\n",
                "a:\n  b: 1\n c: 2\n",
                "a: x\n  b: c\n"
        );
    }

    @ParameterizedTest
    @MethodSource("handled")
    void buildsTheGraphsOfTheGeneralParser(String yaml) {
        String fast = RawGraphs.fast(yaml);
        assertThat(fast).as("handled by the fast parser").isNotNull();
        assertThat(fast).isEqualTo(RawGraphs.general(yaml));
    }

    @ParameterizedTest
    @MethodSource("leftToTheGeneralParser")
    void givesUpOnWhatItDoesNotHandle(String yaml) {
        assertThat(RawGraphs.fast(yaml)).isNull();
    }
}
