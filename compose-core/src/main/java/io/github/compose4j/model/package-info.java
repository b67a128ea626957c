/**
 * The typed compose model: immutable records, no dependencies.
 *
 * <p>The records mirror the structure Docker Compose serializes (compose-go's types), component for
 * component and in the same order, because the JSON form of a {@link io.github.compose4j.model.Service}
 * is the input of the config hash that Docker Compose and compose4j must agree on. Each component
 * carries its serialized {@link io.github.compose4j.model.Key}.
 *
 * <p>Absence follows the serialized form: an empty string, zero, {@code false} or an empty collection
 * means "not set" where Compose omits such values; {@link java.util.Optional} is used where Compose
 * distinguishes "not set" from an empty or zero value (for example {@code command: []} versus no
 * command). No component is ever {@code null}.
 */
package io.github.compose4j.model;
