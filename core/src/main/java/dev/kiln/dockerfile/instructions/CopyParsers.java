package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.Heredoc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;

/** COPY and ADD: sources (paths or heredocs), a destination and their flags. */
final class CopyParsers {
    /** A word that opens a heredoc, e.g. {@code <<EOF}, {@code <<-"EOF"}, {@code 3<<EOF}. */
    private static final Pattern HEREDOC_WORD = Pattern.compile("^(\\d*)<<(-?)\\s*([^<]*)$");
    private static final Pattern LEADING_TABS = Pattern.compile("(?m)^\t+");

    private CopyParsers() {}

    private record SourcesAndDestination(List<String> paths, List<HeredocSource> inline, String destination) {}

    static Copy copy(Request request) {
        requireDestination(request, "COPY");
        var flags = request.flags().string("chown").string("from").string("chmod").bool("link")
                .strings("exclude").bool("parents").parse();
        var sources = sourcesAndDestination(request, "COPY");
        var node = request.node();
        return new Copy(sources.paths(), sources.inline(), sources.destination(), flags.value("from"),
                flags.value("chown"), flags.value("chmod").map(c -> Chmod.of(c, node.range())),
                flags.isTrue("link"), flags.isTrue("parents"), flags.all("exclude"), node.range(), node.original());
    }

    static Add add(Request request) {
        requireDestination(request, "ADD");
        var flags = request.flags().string("chown").string("chmod").bool("link").bool("keep-git-dir")
                .string("checksum").bool("unpack").strings("exclude").parse();
        var sources = sourcesAndDestination(request, "ADD");
        var node = request.node();
        return new Add(sources.paths(), sources.inline(), sources.destination(), flags.value("chown"),
                flags.value("chmod").map(c -> Chmod.of(c, node.range())), flags.isTrue("link"),
                flags.all("exclude"), flags.value("checksum"), flags.optionalBool("keep-git-dir"),
                flags.optionalBool("unpack"), node.range(), node.original());
    }

    private static void requireDestination(Request request, String keyword) {
        if (request.args().size() < 2) {
            throw request.fail(keyword + " requires at least two arguments, but only one was provided. "
                    + "Destination could not be determined");
        }
    }

    private static SourcesAndDestination sourcesAndDestination(Request request, String keyword) {
        var args = request.args();
        var destination = args.getLast();
        if (heredocName(destination) != null) {
            throw request.fail(keyword + " cannot accept a heredoc as a destination");
        }
        var byName = new HashMap<String, Heredoc>();
        request.node().heredocs().forEach(h -> byName.put(h.name(), h));
        var paths = new ArrayList<String>();
        var inline = new ArrayList<HeredocSource>();
        for (var source : args.subList(0, args.size() - 1)) {
            var name = heredocName(source);
            if (name == null) {
                paths.add(source);
                continue;
            }
            // As BuildKit: a heredoc word without a body (e.g. in JSON form) is an empty file.
            var heredoc = byName.getOrDefault(name, new Heredoc(name, 0, !isQuoted(source), isChomp(source), ""));
            var content = heredoc.chomp() ? LEADING_TABS.matcher(heredoc.content()).replaceAll("") : heredoc.content();
            inline.add(new HeredocSource(name, content, heredoc.expand()));
        }
        return new SourcesAndDestination(paths, inline, destination);
    }

    private static boolean isQuoted(String word) {
        return word.contains("\"") || word.contains("'");
    }

    private static boolean isChomp(String word) {
        var matcher = HEREDOC_WORD.matcher(word);
        return matcher.matches() && matcher.group(2).equals("-");
    }

    /** The terminator a heredoc word names, quotes removed; null when the word opens no heredoc. */
    private static String heredocName(String word) {
        var matcher = HEREDOC_WORD.matcher(word);
        if (!matcher.matches() || matcher.group(3).isEmpty() || matcher.group(3).isBlank()) {
            return null;
        }
        return matcher.group(3).strip().replace("\"", "").replace("'", "");
    }
}
