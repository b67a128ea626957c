/**
 * The YAML stage of the loader: one compose file's text becomes raw trees ({@code load.tree}), one per
 * document, as Docker Compose 2.26.1 sees them (compose-go 2.4.8 on gopkg.in/yaml.v3 3.0.1).
 *
 * <p>What later stages can rely on:
 * <ul>
 *   <li>Scalars are resolved as go-yaml resolves them into {@code interface{}}: YAML 1.2 core booleans and
 *       nulls, Go integer syntax (0x, 0o, 0b, legacy 0777, underscores), floats; quoted and block scalars
 *       are strings; a scalar with an unknown tag is its text. A uint64 beyond Long is its decimal text;
 *       a timestamp is the text Go's {@code fmt.Sprint} gives its {@code time.Time}.</li>
 *   <li>Merge keys and aliases are resolved (by value; aliased nodes keep their anchor's marks).</li>
 *   <li>Keys are strings; documents are mappings; duplicates and non-string keys are refused with
 *       Compose's wording. Every message starts with {@code file:line:column: }.</li>
 *   <li>{@code !reset} values stay in the tree as empty nodes tagged {@code RESET} (in mappings and in
 *       sequences); compose-go drops them and resets the same path in what was loaded before.
 *       {@code !override} values are tagged {@code OVERRIDE}. A value tagged {@code OVERRIDE} can also
 *       come from a reset or override compose-go recorded at a path that still has a value.</li>
 * </ul>
 */
package io.github.compose4j.load.yaml;
