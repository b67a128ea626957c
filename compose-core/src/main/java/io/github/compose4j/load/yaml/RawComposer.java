package io.github.compose4j.load.yaml;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.load.tree.Mark;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Builds {@link RawNode} graphs from snakeyaml-engine's event stream, one document at a time and without
 * recursion, so nesting depth costs heap, not stack. Like go-yaml, anchors stay visible in later documents.
 */
final class RawComposer {
    private final String file;
    private final String content;
    private final YamlLimits limits;
    private final Parser parser;
    private final Map<String, RawNode> anchors = new HashMap<>();
    private long nodes;
    private boolean done;

    RawComposer(String file, String content, YamlLimits limits) {
        this.file = file;
        this.content = content;
        this.limits = limits;
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
        ArrayDeque<RawNode> open = new ArrayDeque<>();
        RawNode root = null;
        while (true) {
            Event ev = parser.next();
            RawNode node;
            switch (ev.getEventId()) {
                case Scalar: {
                    ScalarEvent se = (ScalarEvent) ev;
                    node = RawNode.scalar(tag(se.getTag()), se.getValue(), se.isPlain(), line(ev), column(ev));
                    break;
                }
                case MappingStart:
                case SequenceStart: {
                    CollectionStartEvent ce = (CollectionStartEvent) ev;
                    byte kind = ev.getEventId() == Event.ID.MappingStart ? RawNode.MAP : RawNode.SEQ;
                    node = RawNode.collection(kind, tag(ce.getTag()), line(ev), column(ev));
                    break;
                }
                case Alias: {
                    String name = ((AliasEvent) ev).getAlias().getValue();
                    checkAnchorName(name, ev);
                    RawNode target = anchors.get(name);
                    if (target == null) {
                        throw ComposeException.invalid(mark(ev).prefix("yaml: unknown anchor '" + name
                                + "' referenced"));
                    }
                    node = RawNode.alias(name, target, line(ev), column(ev));
                    // An alias to a node still open is recursive: its expansion has no end.
                    node.height = target.composing ? Integer.MAX_VALUE / 2
                            : target.height;
                    break;
                }
                case MappingEnd:
                case SequenceEnd: {
                    RawNode closed = open.pop();
                    closed.composing = false;
                    closed.height++;
                    if (!open.isEmpty() && open.peek().height < closed.height) {
                        open.peek().height = closed.height;
                    }
                    continue;
                }
                case DocumentEnd:
                    return root;
                default:
                    continue; // comments
            }
            if (++nodes > limits.maxNodes()) {
                throw ComposeException.invalid(mark(ev).prefix("yaml: the file has more than " + limits.maxNodes()
                        + " nodes, the most this loader accepts"));
            }
            if (ev instanceof NodeEvent ne && ev.getEventId() != Event.ID.Alias) {
                Optional<Anchor> anchor = ne.getAnchor();
                if (anchor.isPresent()) {
                    String name = anchor.get().getValue();
                    checkAnchorName(name, ev);
                    anchors.put(name, node);
                }
            }
            if (open.isEmpty()) {
                root = node;
            } else {
                RawNode parent = open.peek();
                boolean isValue = parent.kind == RawNode.SEQ || parent.children.size() % 2 == 1;
                if (isValue && node.deref().isTagged("!reset")) {
                    parent.hasResetChild = true;
                }
                parent.children.add(node);
                if (node.kind == RawNode.ALIAS && parent.height < node.height) {
                    parent.height = node.height;
                }
            }
            if (node.kind == RawNode.MAP || node.kind == RawNode.SEQ) {
                if (open.size() >= limits.maxDepth()) {
                    throw ComposeException.invalid(mark(ev).prefix("yaml: the document is nested more than "
                            + limits.maxDepth() + " levels deep"));
                }
                node.composing = true;
                open.push(node);
            }
        }
    }

    /** libyaml only accepts letters, digits, '_' and '-' in anchor names. */
    private void checkAnchorName(String name, Event ev) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-')) {
                throw ComposeException.invalid(mark(ev).prefix(
                        "yaml: did not find expected alphabetic or numeric character"));
            }
        }
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

    private Mark mark(Event ev) {
        return new Mark(file, line(ev), column(ev));
    }
}
