package io.github.compose4j.load.yaml;

import io.github.compose4j.error.ComposeException;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Feeds snakeyaml-engine's event stream to a {@link GraphBuilder}, one document at a time. This is the
 * general parser: it accepts all of YAML and words syntax errors as Compose does.
 */
final class RawComposer {
    private final String file;
    private final String content;
    private final GraphBuilder graph;
    private final Parser parser;
    private boolean done;

    RawComposer(String file, String content, YamlLimits limits) {
        this.file = file;
        this.content = content;
        this.graph = new GraphBuilder(file, limits);
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setUseMarks(true)
                .setParseComments(false)
                .setCodePointLimit(Integer.MAX_VALUE)
                .build();
        this.parser = new ParserImpl(settings, new StreamReader(settings, content));
    }

    /** The root of the next document, or null when the stream has no more. */
    RawNode nextDocument() {
        if (done) {
            return null;
        }
        try {
            return compose();
        } catch (ComposeException e) {
            throw e;
        } catch (RuntimeException e) {
            throw SyntaxErrors.translate(file, content, e);
        }
    }

    private RawNode compose() {
        while (true) {
            Event ev = parser.next();
            switch (ev.getEventId()) {
                case DocumentStart:
                    return composeDocument();
                case StreamEnd:
                    done = true;
                    return null;
                default:
                    break; // stream start, comments
            }
        }
    }

    private RawNode composeDocument() {
        while (true) {
            Event ev = parser.next();
            switch (ev.getEventId()) {
                case Scalar: {
                    ScalarEvent se = (ScalarEvent) ev;
                    graph.scalar(tag(se.getTag()), anchor(se.getAnchor()), se.getValue(), se.isPlain(), line(ev),
                            column(ev));
                    break;
                }
                case MappingStart: {
                    CollectionStartEvent ce = (CollectionStartEvent) ev;
                    graph.mapping(tag(ce.getTag()), anchor(ce.getAnchor()), line(ev), column(ev));
                    break;
                }
                case SequenceStart: {
                    CollectionStartEvent ce = (CollectionStartEvent) ev;
                    graph.sequence(tag(ce.getTag()), anchor(ce.getAnchor()), line(ev), column(ev));
                    break;
                }
                case Alias:
                    graph.alias(((AliasEvent) ev).getAlias().getValue(), line(ev), column(ev));
                    break;
                case MappingEnd:
                case SequenceEnd:
                    graph.end();
                    break;
                case DocumentEnd:
                    return graph.finishDocument();
                default:
                    break; // comments
            }
        }
    }

    private static String anchor(Optional<Anchor> anchor) {
        return anchor.isPresent() ? anchor.get().getValue() : null;
    }

    private static String tag(Optional<String> tag) {
        if (tag.isEmpty() || tag.get().equals("!")) {
            return null;
        }
        return GoScalars.shortTag(tag.get());
    }

    private static int line(Event ev) {
        org.snakeyaml.engine.v2.exceptions.Mark m = ev.getStartMark().orElse(null);
        return m == null ? 0 : m.getLine() + 1;
    }

    private static int column(Event ev) {
        org.snakeyaml.engine.v2.exceptions.Mark m = ev.getStartMark().orElse(null);
        return m == null ? 0 : m.getColumn() + 1;
    }
}
