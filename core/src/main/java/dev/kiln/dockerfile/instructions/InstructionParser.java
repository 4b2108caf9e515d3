package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns one parser {@link Node} into its typed {@link Instruction}, as BuildKit's ParseInstruction. */
final class InstructionParser {
    private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9-_.]*$");
    private static final Pattern ONBUILD_PREFIX = Pattern.compile("(?i)^\\s*ONBUILD\\s*");

    private InstructionParser() {}

    /** @throws InstructionException when the node is not a valid instruction */
    static Instruction parse(Node node) {
        var request = new Request(node);
        return switch (node.value()) {
            case "from" -> from(request);
            case "run" -> CommandParsers.run(request);
            case "cmd" -> new Cmd(CommandParsers.commandLine(request.parsedFlags()), node.range(), node.original());
            case "entrypoint" -> new Entrypoint(CommandParsers.commandLine(request.parsedFlags()), node.range(),
                    node.original());
            case "healthcheck" -> CommandParsers.healthcheck(request);
            case "shell" -> CommandParsers.shell(request);
            case "copy" -> CopyParsers.copy(request);
            case "add" -> CopyParsers.add(request);
            case "env" -> new Env(keyValues(request.parsedFlags(), "ENV"), node.range(), node.original());
            case "label" -> new Label(keyValues(request.parsedFlags(), "LABEL"), node.range(), node.original());
            case "maintainer" -> new Maintainer(exactlyOne(request, "MAINTAINER"), node.range(), node.original());
            case "expose" -> expose(request);
            case "user" -> new User(exactlyOne(request, "USER"), node.range(), node.original());
            case "workdir" -> new Workdir(exactlyOne(request, "WORKDIR"), node.range(), node.original());
            case "volume" -> volume(request);
            case "stopsignal" -> stopSignal(request);
            case "arg" -> arg(request);
            case "onbuild" -> onbuild(request);
            default -> throw unknown(request);
        };
    }

    private static InstructionException unknown(Request request) {
        var keyword = request.node().keyword();
        var message = Suggestion.withHint("unknown instruction: " + keyword, keyword, Keywords.ALL, false, "");
        return request.fail(message);
    }

    private static From from(Request request) {
        var args = request.args();
        Optional<String> name = Optional.empty();
        if (args.size() == 3 && args.get(1).equalsIgnoreCase("as")) {
            var lower = args.get(2).toLowerCase(Locale.ROOT);
            if (!STAGE_NAME.matcher(lower).matches()) {
                throw request.fail("invalid name for build stage: " + Quote.go(args.get(2))
                        + ", name can't start with a number or contain symbols");
            }
            name = Optional.of(lower);
        } else if (args.size() != 1) {
            throw request.fail("FROM requires either one or three arguments (FROM image [AS name])");
        }
        var flags = request.flags().string("platform").parse();
        return new From(args.getFirst(), flags.value("platform"), name, request.node().range(),
                request.node().original());
    }

    private static List<KeyValue> keyValues(Request request, String keyword) {
        var args = request.args();
        if (args.isEmpty()) {
            throw request.fail(keyword + " requires at least one argument");
        }
        if (args.size() % 3 != 0) {
            throw request.fail("Bad input to " + keyword + ", too many arguments");
        }
        var pairs = new ArrayList<KeyValue>();
        for (int i = 0; i < args.size(); i += 3) {
            if (args.get(i).isEmpty()) {
                throw request.fail(keyword + " names can not be blank");
            }
            pairs.add(new KeyValue(args.get(i), args.get(i + 1), args.get(i + 2).isEmpty()));
        }
        return pairs;
    }

    private static String exactlyOne(Request request, String keyword) {
        if (request.args().size() != 1) {
            throw request.fail(keyword + " requires exactly one argument");
        }
        request.parsedFlags();
        return request.args().getFirst();
    }

    /** BuildKit reads no flags for STOPSIGNAL (nor ARG): any given are ignored, as there. */
    private static StopSignal stopSignal(Request request) {
        if (request.args().size() != 1) {
            throw request.fail("STOPSIGNAL requires exactly one argument");
        }
        return new StopSignal(request.args().getFirst(), request.node().range(), request.node().original());
    }

    private static Expose expose(Request request) {
        if (request.args().isEmpty()) {
            throw request.fail("EXPOSE requires at least one argument");
        }
        request.parsedFlags();
        var ports = request.args().stream().sorted().toList();
        return new Expose(ports, request.node().range(), request.node().original());
    }

    private static Volume volume(Request request) {
        if (request.args().isEmpty()) {
            throw request.fail("VOLUME requires at least one argument");
        }
        request.parsedFlags();
        var volumes = new ArrayList<String>();
        for (var v : request.args()) {
            if (v.strip().isEmpty()) {
                throw request.fail("VOLUME specified can not be an empty string");
            }
            volumes.add(v.strip());
        }
        return new Volume(volumes, request.node().range(), request.node().original());
    }

    private static Arg arg(Request request) {
        if (request.args().isEmpty()) {
            throw request.fail("ARG requires at least one argument");
        }
        var definitions = new ArrayList<ArgDefinition>();
        for (var word : request.args()) {
            int eq = word.indexOf('=');
            if (eq == 0) {
                throw request.fail("ARG names can not be blank");
            }
            definitions.add(eq < 0 ? new ArgDefinition(word, Optional.empty())
                    : new ArgDefinition(word.substring(0, eq), Optional.of(word.substring(eq + 1))));
        }
        return new Arg(definitions, request.node().range(), request.node().original());
    }

    private static Onbuild onbuild(Request request) {
        var next = request.node().next();
        if (next == null) {
            throw request.fail("ONBUILD requires at least one argument");
        }
        request.parsedFlags();
        var trigger = next.keyword().strip().toUpperCase(Locale.ROOT);
        switch (trigger) {
            case "ONBUILD" -> throw request.fail("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
            case "MAINTAINER", "FROM" -> throw request.fail(trigger + " isn't allowed as an ONBUILD trigger");
            default -> { }
        }
        var expression = new StringBuilder(ONBUILD_PREFIX.matcher(request.node().original()).replaceFirst(""));
        var heredocs = request.node().heredocs().isEmpty() ? next.heredocs() : request.node().heredocs();
        for (var heredoc : heredocs) {
            expression.append('\n').append(heredoc.content()).append(heredoc.name());
        }
        return new Onbuild(parse(next), expression.toString(), request.node().range(), request.node().original());
    }
}
