package io.github.compose4j.model;

import java.util.List;

/** Development-time settings ({@code compose watch}). */
public record Develop(@Key("watch") List<WatchTrigger> watch, @Key("#extensions") Extensions extensions) {
}
