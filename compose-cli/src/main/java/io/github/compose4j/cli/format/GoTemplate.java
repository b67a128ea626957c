package io.github.compose4j.cli.format;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The part of Go's {@code text/template} that {@code --format} templates use, with the docker CLI's functions:
 * text and actions with {@code {{-}} trimming, fields ({@code .Name}, {@code .A.B}), literals, pipelines,
 * parenthesised pipelines, {@code if}/{@code else}/{@code range}/{@code with}/{@code end}, comments, and the
 * functions {@code json split join title lower upper pad truncate len index print println printf eq ne lt le gt
 * ge and or not}. Error messages are worded as Go's, since users see them.
 */
public final class GoTemplate {
    private final List<Node> nodes;

    private GoTemplate(List<Node> nodes) {
        this.nodes = nodes;
    }

    /** Parses a template; a syntax error is a {@link TemplateException} worded {@code template: :1: ...}. */
    public static GoTemplate parse(String source) {
        return new GoTemplate(new Parser(source).parseAll());
    }

    /** Runs the template on {@code dot} with the docker CLI's functions. */
    public String execute(Object dot) {
        return execute(dot, false);
    }

    /** Runs the template to make a table header: the text functions leave their argument unchanged. */
    public String executeHeader(Object dot) {
        return execute(dot, true);
    }

    private String execute(Object dot, boolean header) {
        StringBuilder out = new StringBuilder();
        new Exec(header).run(nodes, dot, out);
        return out.toString();
    }

    /** A parse or execution error, worded as Go's template package words it. */
    public static final class TemplateException extends RuntimeException {
        TemplateException(String message) {
            super(message);
        }
    }

    // Syntax tree

    private sealed interface Node permits Text, Action, Block {
    }

    private record Text(String text) implements Node {
    }

    private record Action(Pipeline pipeline) implements Node {
    }

    /** if, range or with. */
    private record Block(String keyword, Pipeline pipeline, List<Node> body, List<Node> otherwise) implements Node {
    }

    private record Pipeline(List<List<Operand>> commands) {
    }

    private sealed interface Operand permits Field, Dot, Literal, Function, Nested {
    }

    private record Field(List<String> names, int line, int col, String source) implements Operand {
    }

    private record Dot() implements Operand {
    }

    private record Literal(Object value) implements Operand {
    }

    private record Function(String name) implements Operand {
    }

    private record Nested(Pipeline pipeline) implements Operand {
    }

    private static final java.util.Set<String> FUNCTIONS = java.util.Set.of("json", "split", "join", "title", "lower",
        "upper", "pad", "truncate", "len", "index", "print", "println", "printf", "eq", "ne", "lt", "le", "gt", "ge",
        "and", "or", "not");

    // Parser

    private static final class Parser {
        private final String src;
        private int pos;

        Parser(String src) {
            this.src = src;
        }

        List<Node> parseAll() {
            List<Node> nodes = new ArrayList<>();
            String end = parseList(nodes, true);
            if (end != null) {
                throw error("unexpected {{" + end + "}}");
            }
            return nodes;
        }

        /** Parses nodes until {{end}} or {{else}} (returned) or the end of input (null). */
        private String parseList(List<Node> nodes, boolean top) {
            while (pos < src.length()) {
                int open = src.indexOf("{{", pos);
                String text = open < 0 ? src.substring(pos) : src.substring(pos, open);
                if (open >= 0 && src.startsWith("{{- ", open)) {
                    text = text.stripTrailing();
                }
                if (!text.isEmpty()) {
                    nodes.add(new Text(text));
                }
                if (open < 0) {
                    pos = src.length();
                    return null;
                }
                pos = open + 2;
                if (src.startsWith("- ", pos)) {
                    pos += 2;
                }
                skipSpaces();
                if (src.startsWith("/*", pos)) {
                    int close = src.indexOf("*/", pos);
                    if (close < 0) {
                        throw error("unclosed comment");
                    }
                    pos = close + 2;
                    closeAction();
                    continue;
                }
                String word = peekWord();
                switch (word) {
                    case "end", "else" -> {
                        pos += word.length();
                        if (word.equals("else")) {
                            skipSpaces();
                            if (peekWord().equals("if")) {
                                if (top) {
                                    throw error("unexpected {{else}}");
                                }
                                pos += 2;
                                pendingElseIf = block("if");
                                return "else if";
                            }
                        }
                        closeAction();
                        if (top) {
                            throw error("unexpected {{" + word + "}}");
                        }
                        return word;
                    }
                    case "if", "range", "with" -> {
                        pos += word.length();
                        nodes.add(block(word));
                    }
                    default -> nodes.add(new Action(parsePipeline()));
                }
            }
            return null;
        }

        private Block pendingElseIf;

        /** The rest of an if, range or with block, after its keyword: pipeline, body, else part, end. */
        private Block block(String keyword) {
            Pipeline p = parsePipeline();
            List<Node> body = new ArrayList<>();
            String stop = parseList(body, false);
            List<Node> otherwise = new ArrayList<>();
            if ("else".equals(stop)) {
                stop = parseList(otherwise, false);
            } else if ("else if".equals(stop)) {
                otherwise.add(pendingElseIf); // {{else if}} shares the block's {{end}}
                stop = "end";
            }
            if (!"end".equals(stop)) {
                throw error("unexpected EOF");
            }
            return new Block(keyword, p, body, otherwise);
        }

        /** A pipeline up to and including the closing }}. */
        private Pipeline parsePipeline() {
            Pipeline p = pipelineUntil(true);
            return p;
        }

        private Pipeline pipelineUntil(boolean action) {
            List<List<Operand>> commands = new ArrayList<>();
            List<Operand> command = new ArrayList<>();
            while (true) {
                skipSpaces();
                if (pos >= src.length()) {
                    throw error(action ? "unclosed action" : "unclosed left paren");
                }
                if (action && (src.startsWith("}}", pos) || src.startsWith("-}}", pos))) {
                    closeAction();
                    break;
                }
                char c = src.charAt(pos);
                if (!action && c == ')') {
                    pos++;
                    break;
                }
                if (c == '|') {
                    if (command.isEmpty()) {
                        throw error("missing command");
                    }
                    commands.add(command);
                    command = new ArrayList<>();
                    pos++;
                    continue;
                }
                command.add(operand());
            }
            if (command.isEmpty()) {
                throw error("missing value for command");
            }
            commands.add(command);
            return new Pipeline(commands);
        }

        private Operand operand() {
            char c = src.charAt(pos);
            int start = pos;
            if (c == '(') {
                pos++;
                return new Nested(pipelineUntil(false));
            }
            if (c == '.') {
                if (pos + 1 >= src.length() || !Character.isLetter(src.charAt(pos + 1))) {
                    pos++;
                    return new Dot();
                }
                List<String> names = new ArrayList<>();
                while (pos < src.length() && src.charAt(pos) == '.') {
                    pos++;
                    int s = pos;
                    while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                        pos++;
                    }
                    names.add(src.substring(s, pos));
                }
                return new Field(names, line(start), column(start), src.substring(start, pos));
            }
            if (c == '"') {
                StringBuilder sb = new StringBuilder();
                pos++;
                while (pos < src.length() && src.charAt(pos) != '"') {
                    char ch = src.charAt(pos++);
                    if (ch == '\\' && pos < src.length()) {
                        char e = src.charAt(pos++);
                        sb.append(switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            default -> e;
                        });
                    } else {
                        sb.append(ch);
                    }
                }
                if (pos >= src.length()) {
                    throw error("unterminated quoted string");
                }
                pos++;
                return new Literal(sb.toString());
            }
            if (c == '`') {
                int close = src.indexOf('`', pos + 1);
                if (close < 0) {
                    throw error("unterminated raw quoted string");
                }
                String s = src.substring(pos + 1, close);
                pos = close + 1;
                return new Literal(s);
            }
            if (Character.isDigit(c) || c == '-') {
                pos++;
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                    pos++;
                }
                return new Literal(Long.parseLong(src.substring(start, pos)));
            }
            String word = peekWord();
            if (word.isEmpty()) {
                throw error("unexpected \"" + c + "\" in command");
            }
            pos += word.length();
            return switch (word) {
                case "true" -> new Literal(Boolean.TRUE);
                case "false" -> new Literal(Boolean.FALSE);
                case "nil" -> new Literal(GoValues.NIL);
                default -> {
                    if (!FUNCTIONS.contains(word)) {
                        throw error("function \"" + word + "\" not defined");
                    }
                    yield new Function(word);
                }
            };
        }

        private void closeAction() {
            skipSpaces();
            if (src.startsWith("-}}", pos)) {
                pos += 3;
                while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
                    pos++;
                }
            } else if (src.startsWith("}}", pos)) {
                pos += 2;
            } else {
                throw error(pos >= src.length() ? "unclosed action" : "unexpected \"" + src.charAt(pos) + "\" in command");
            }
        }

        private String peekWord() {
            int p = pos;
            while (p < src.length() && (Character.isLetterOrDigit(src.charAt(p)) || src.charAt(p) == '_')) {
                p++;
            }
            return src.substring(pos, p);
        }

        private void skipSpaces() {
            while (pos < src.length() && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t'
                || src.charAt(pos) == '\n' || src.charAt(pos) == '\r')) {
                pos++;
            }
        }

        private int line(int at) {
            int n = 1;
            for (int i = 0; i < at && i < src.length(); i++) {
                if (src.charAt(i) == '\n') {
                    n++;
                }
            }
            return n;
        }

        private int column(int at) {
            int nl = src.lastIndexOf('\n', at - 1);
            return at - (nl + 1);
        }

        private TemplateException error(String message) {
            return new TemplateException("template: :" + line(Math.min(pos, src.length())) + ": " + message);
        }
    }

    // Execution

    private static final class Exec {
        private final boolean header;

        Exec(boolean header) {
            this.header = header;
        }

        void run(List<Node> nodes, Object dot, StringBuilder out) {
            for (Node n : nodes) {
                if (n instanceof Text t) {
                    out.append(t.text());
                } else if (n instanceof Action a) {
                    out.append(printed(eval(a.pipeline(), dot)));
                } else if (n instanceof Block b) {
                    Object v = eval(b.pipeline(), dot);
                    switch (b.keyword()) {
                        case "if" -> run(GoValues.truth(v) ? b.body() : b.otherwise(), dot, out);
                        case "with" -> {
                            if (GoValues.truth(v)) {
                                run(b.body(), v, out);
                            } else {
                                run(b.otherwise(), dot, out);
                            }
                        }
                        default -> {
                            Collection<?> items = v instanceof Collection<?> c ? c
                                : v instanceof Map<?, ?> m ? sortedValues(m) : List.of();
                            if (items.isEmpty()) {
                                run(b.otherwise(), dot, out);
                            }
                            for (Object item : items) {
                                run(b.body(), item, out);
                            }
                        }
                    }
                }
            }
        }

        private static Collection<?> sortedValues(Map<?, ?> m) {
            return new java.util.TreeMap<>(m).values();
        }

        private static String printed(Object v) {
            return v == null ? "<no value>" : GoValues.print(v);
        }

        Object eval(Pipeline p, Object dot) {
            Object value = null;
            boolean piped = false;
            for (List<Operand> command : p.commands()) {
                value = command(command, dot, piped ? Optional.ofNullable(value).or(() -> Optional.of(GoValues.NIL))
                    : Optional.empty());
                piped = true;
            }
            return value;
        }

        private Object command(List<Operand> command, Object dot, Optional<Object> piped) {
            Operand first = command.get(0);
            if (first instanceof Function f) {
                List<Object> args = new ArrayList<>();
                for (Operand o : command.subList(1, command.size())) {
                    args.add(operand(o, dot));
                }
                piped.ifPresent(args::add);
                return call(f.name(), args);
            }
            if (command.size() > 1 || piped.isPresent()) {
                throw new TemplateException("template: :1: can't give argument to non-function");
            }
            return operand(first, dot);
        }

        private Object operand(Operand o, Object dot) {
            if (o instanceof Dot) {
                return dot;
            }
            if (o instanceof Literal l) {
                return l.value();
            }
            if (o instanceof Nested n) {
                return eval(n.pipeline(), dot);
            }
            if (o instanceof Function f) {
                return call(f.name(), List.of());
            }
            Field field = (Field) o;
            Object v = dot;
            for (String name : field.names()) {
                if (v instanceof GoFields fields) {
                    Optional<Object> got = fields.field(name);
                    if (got.isEmpty()) {
                        throw new TemplateException("template: :" + field.line() + ":" + field.col()
                            + ": executing \"\" at <" + field.source() + ">: can't evaluate field " + name
                            + " in type " + fields.type());
                    }
                    v = got.get();
                } else if (v instanceof Map<?, ?> m) {
                    v = m.get(name); // a missing key is "no value"
                } else if (v == null) {
                    return null;
                } else {
                    throw new TemplateException("template: :" + field.line() + ":" + field.col()
                        + ": executing \"\" at <" + field.source() + ">: can't evaluate field " + name
                        + " in type " + typeName(v));
                }
            }
            return v;
        }

        private static String typeName(Object v) {
            if (v instanceof String) {
                return "string";
            }
            if (v instanceof Long) {
                return "int";
            }
            if (v instanceof Boolean) {
                return "bool";
            }
            if (v instanceof Collection<?>) {
                return "[]interface {}";
            }
            return "interface {}";
        }

        private Object call(String name, List<Object> args) {
            if (header) {
                switch (name) {
                    case "json", "title", "lower", "upper", "split", "join", "truncate" -> {
                        return args.isEmpty() ? "" : args.get(0);
                    }
                    default -> {
                    }
                }
            }
            switch (name) {
                case "json":
                    arity(name, args, 1);
                    return GoValues.json(args.get(0), false);
                case "split":
                    arity(name, args, 2);
                    return split(str(args.get(0)), str(args.get(1)));
                case "join":
                    arity(name, args, 2);
                    List<String> parts = new ArrayList<>();
                    ((Collection<?>) args.get(0)).forEach(x -> parts.add(str(x)));
                    return String.join(str(args.get(1)), parts);
                case "title":
                    arity(name, args, 1);
                    return title(str(args.get(0)));
                case "lower":
                    arity(name, args, 1);
                    return str(args.get(0)).toLowerCase(Locale.ROOT);
                case "upper":
                    arity(name, args, 1);
                    return str(args.get(0)).toUpperCase(Locale.ROOT);
                case "pad": {
                    arity(name, args, 3);
                    String s = str(args.get(0));
                    return s.isEmpty() ? s : " ".repeat((int) num(args.get(1))) + s + " ".repeat((int) num(args.get(2)));
                }
                case "truncate": {
                    arity(name, args, 2);
                    String s = str(args.get(0));
                    int n = (int) num(args.get(1));
                    byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    return bytes.length < n ? s : new String(bytes, 0, n, java.nio.charset.StandardCharsets.UTF_8);
                }
                case "len": {
                    arity(name, args, 1);
                    Object v = args.get(0);
                    if (v instanceof String s) {
                        return (long) s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                    }
                    if (v instanceof Collection<?> c) {
                        return (long) c.size();
                    }
                    if (v instanceof Map<?, ?> m) {
                        return (long) m.size();
                    }
                    throw new TemplateException("template: :1: error calling len: len of type " + typeName(v));
                }
                case "index": {
                    Object v = args.get(0);
                    for (Object key : args.subList(1, args.size())) {
                        if (v instanceof List<?> l) {
                            int i = (int) num(key);
                            if (i < 0 || i >= l.size()) {
                                throw new TemplateException("template: :1: error calling index: index out of range: " + i);
                            }
                            v = l.get(i);
                        } else if (v instanceof Map<?, ?> m) {
                            v = m.get(str(key));
                        } else {
                            throw new TemplateException("template: :1: error calling index: can't index item of type "
                                + typeName(v));
                        }
                    }
                    return v;
                }
                case "print":
                    return sprint(args);
                case "println": {
                    List<String> parts2 = new ArrayList<>();
                    args.forEach(a -> parts2.add(GoValues.print(a)));
                    return String.join(" ", parts2) + "\n";
                }
                case "printf":
                    return printf(str(args.get(0)), args.subList(1, args.size()));
                case "eq": {
                    Object a = args.get(0);
                    for (Object b : args.subList(1, args.size())) {
                        if (same(a, b)) {
                            return true;
                        }
                    }
                    return false;
                }
                case "ne":
                    arity(name, args, 2);
                    return !same(args.get(0), args.get(1));
                case "lt":
                    return compare(args) < 0;
                case "le":
                    return compare(args) <= 0;
                case "gt":
                    return compare(args) > 0;
                case "ge":
                    return compare(args) >= 0;
                case "and": {
                    Object v = null;
                    for (Object a : args) {
                        v = a;
                        if (!GoValues.truth(a)) {
                            return a;
                        }
                    }
                    return v;
                }
                case "or": {
                    Object v = null;
                    for (Object a : args) {
                        v = a;
                        if (GoValues.truth(a)) {
                            return a;
                        }
                    }
                    return v;
                }
                case "not":
                    arity(name, args, 1);
                    return !GoValues.truth(args.get(0));
                default:
                    throw new TemplateException("template: :1: function \"" + name + "\" not defined");
            }
        }

        private static void arity(String name, List<Object> args, int n) {
            if (args.size() != n) {
                throw new TemplateException("template: :1: wrong number of args for " + name + ": want " + n
                    + " got " + args.size());
            }
        }

        private static String str(Object v) {
            return v instanceof String s ? s : GoValues.print(v);
        }

        private static long num(Object v) {
            if (v instanceof Number n) {
                return n.longValue();
            }
            throw new TemplateException("template: :1: expected integer; found " + GoValues.print(v));
        }

        private static boolean same(Object a, Object b) {
            if (a instanceof Number x && b instanceof Number y) {
                return x.longValue() == y.longValue();
            }
            return java.util.Objects.equals(a, b);
        }

        private static int compare(List<Object> args) {
            Object a = args.get(0);
            Object b = args.get(1);
            if (a instanceof Number x && b instanceof Number y) {
                return Long.compare(x.longValue(), y.longValue());
            }
            return str(a).compareTo(str(b));
        }

        private static List<String> split(String s, String sep) {
            List<String> out = new ArrayList<>();
            if (sep.isEmpty()) {
                s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
                return out;
            }
            int from = 0;
            int at;
            while ((at = s.indexOf(sep, from)) >= 0) {
                out.add(s.substring(from, at));
                from = at + sep.length();
            }
            out.add(s.substring(from));
            return out;
        }

        private static String title(String s) {
            StringBuilder sb = new StringBuilder();
            boolean start = true;
            for (char c : s.toCharArray()) {
                sb.append(start ? Character.toTitleCase(c) : c);
                start = !Character.isLetterOrDigit(c) && c != '_' && c != '\'';
            }
            return sb.toString();
        }

        /** {@code fmt.Sprint}: a space between operands when neither is a string. */
        private static String sprint(List<Object> args) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < args.size(); i++) {
                if (i > 0 && !(args.get(i) instanceof String) && !(args.get(i - 1) instanceof String)) {
                    sb.append(' ');
                }
                sb.append(GoValues.print(args.get(i)));
            }
            return sb.toString();
        }

        private static String printf(String format, List<Object> args) {
            StringBuilder sb = new StringBuilder();
            int arg = 0;
            for (int i = 0; i < format.length(); i++) {
                char c = format.charAt(i);
                if (c != '%' || i + 1 >= format.length()) {
                    sb.append(c);
                    continue;
                }
                char verb = format.charAt(++i);
                if (verb == '%') {
                    sb.append('%');
                    continue;
                }
                Object v = arg < args.size() ? args.get(arg++) : null;
                if (v == null) {
                    sb.append("%!").append(verb).append("(MISSING)");
                    continue;
                }
                switch (verb) {
                    case 'q' -> sb.append(GoValues.quote(str(v)));
                    default -> sb.append(GoValues.print(v));
                }
            }
            return sb.toString();
        }
    }
}
