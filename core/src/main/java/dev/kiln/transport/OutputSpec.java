package dev.kiln.transport;

import dev.kiln.internal.text.GoCsv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One {@code -o/--output} of {@code kiln build}, in BuildKit's syntax: comma-separated
 * {@code key=value} fields (CSV quoting, so {@code "name=a,b"} holds two names), e.g.
 * {@code type=oci,dest=out.tar}. A bare path means {@code type=local,dest=PATH}, and a bare
 * {@code -} means {@code type=tar,dest=-} (standard output).
 *
 * @param dest  a file or folder; {@code -} is standard output (tar outputs only); empty for {@code image}
 * @param tar   for {@code oci}/{@code docker}: a tar file (true) or an OCI layout folder (false)
 * @param names image names; empty means the {@code -t} names (see {@link #withDefaultNames})
 */
public record OutputSpec(OutputType type, String dest, boolean tar, List<String> names, boolean push) {
    public static final String STDOUT = "-";

    public OutputSpec {
        Objects.requireNonNull(type, "type");
        dest = dest == null ? "" : dest;
        names = List.copyOf(names);
    }

    public OutputSpec(OutputType type, String dest, boolean tar, List<String> names) {
        this(type, dest, tar, names, type == OutputType.REGISTRY);
    }

    /** The output when none is given: the local store. */
    public static OutputSpec defaultOutput() {
        return new OutputSpec(OutputType.IMAGE, "", true, List.of());
    }

    public static OutputSpec parse(String spec) {
        List<String> fields = GoCsv.fields(spec, problem -> badCsv(spec, problem));
        if (fields.size() == 1 && !fields.getFirst().contains("=")) {
            String path = fields.getFirst();
            if (path.isEmpty()) {
                throw new TransportException("empty output; use -o type=TYPE,dest=PATH or -o PATH");
            }
            return path.equals(STDOUT) ? new OutputSpec(OutputType.TAR, STDOUT, true, List.of())
                    : new OutputSpec(OutputType.LOCAL, path, true, List.of());
        }
        return fromFields(spec, fields);
    }

    private static TransportException badCsv(String spec, GoCsv.Problem problem) {
        String what = switch (problem.kind()) {
            case BARE_QUOTE -> "bare \" in an unquoted field at column " + problem.column();
            case EXTRANEOUS_QUOTE -> "extraneous \" in a quoted field at column " + problem.column();
            case UNCLOSED_QUOTE -> "a quoted field is not closed";
        };
        return new TransportException("output '" + spec + "': " + what + "; quote a whole field as \"name=a,b\"");
    }

    /** Parses each {@code -o}; none means {@link #defaultOutput()}. */
    public static List<OutputSpec> parseAll(List<String> specs) {
        return specs.isEmpty() ? List.of(defaultOutput()) : specs.stream().map(OutputSpec::parse).toList();
    }

    /** With {@code tags} as names when this output makes an image and was given no {@code name=}. */
    public OutputSpec withDefaultNames(List<String> tags) {
        return names.isEmpty() && type.isImage() ? new OutputSpec(type, dest, tar, tags, push) : this;
    }

    public boolean toStdout() {
        return dest.equals(STDOUT);
    }

    private static OutputSpec fromFields(String spec, List<String> fields) {
        OutputType type = null;
        String dest = null;
        String tar = null;
        String push = null;
        List<String> names = new ArrayList<>();
        List<String[]> pairs = new ArrayList<>();
        for (String field : fields) {
            int eq = field.indexOf('=');
            if (eq < 0) {
                throw new TransportException("output '" + spec + "': field '" + field + "' is not key=value");
            }
            String key = field.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = field.substring(eq + 1);
            if (key.equals("type")) {
                type = OutputType.parse(value.trim().toLowerCase(Locale.ROOT), spec);
            } else {
                pairs.add(new String[] {key, value});
            }
        }
        if (type == null) {
            throw new TransportException("output '" + spec + "': type= is missing; e.g. type=oci,dest=image.tar");
        }
        for (String[] pair : pairs) {
            checkKey(spec, type, pair[0]);
            switch (pair[0]) {
                case "dest" -> dest = pair[1];
                case "tar" -> tar = pair[1];
                case "push" -> push = pair[1];
                case "name" -> Arrays.stream(pair[1].split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(names::add);
                default -> throw new IllegalStateException(pair[0]);
            }
        }
        boolean asTar = tar == null || parseBool(spec, "tar", tar);
        checkDest(spec, type, dest, asTar);
        boolean pushed = type == OutputType.REGISTRY || push != null && parseBool(spec, "push", push);
        return new OutputSpec(type, dest, asTar, names, pushed);
    }

    private static void checkKey(String spec, OutputType type, String key) {
        if (!type.keys().contains(key)) {
            String supported = type.keys().isEmpty() ? "none" : String.join(", ", new TreeSet<>(type.keys()));
            throw new TransportException("output '" + spec + "': type=" + type.id() + " does not take '" + key
                    + "' (it takes: " + supported + ")");
        }
    }

    private static void checkDest(String spec, OutputType type, String dest, boolean asTar) {
        if (type == OutputType.IMAGE || type == OutputType.REGISTRY) {
            return;
        }
        if (dest == null || dest.isBlank()) {
            throw new TransportException("output '" + spec + "': type=" + type.id() + " needs dest=" + (asTar && type != OutputType.LOCAL
                    ? "FILE (or dest=- for standard output)" : "FOLDER"));
        }
        if (dest.equals(STDOUT) && (type == OutputType.LOCAL || !asTar)) {
            throw new TransportException("output '" + spec + "': a folder output cannot go to standard output; "
                    + "use type=tar,dest=- for the files as a tar");
        }
    }

    /** Go's strconv.ParseBool, which BuildKit uses for tar= and push=. */
    private static boolean parseBool(String spec, String key, String value) {
        return switch (value.trim()) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new TransportException("output '" + spec + "': " + key + "=" + value + " is not true or false");
        };
    }
}
