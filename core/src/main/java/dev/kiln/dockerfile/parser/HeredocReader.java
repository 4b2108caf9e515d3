package dev.kiln.dockerfile.parser;

import dev.kiln.dockerfile.parser.SourceLines.SourceLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the bodies of the heredocs an instruction opened, from the lines after it: each body runs
 * up to its terminator line (tabs before the terminator allowed for {@code <<-}); the body keeps
 * its line endings and, for {@code <<-}, its tabs.
 */
final class HeredocReader {
    private final SourceLines source;
    private final ErrorLocator errors;

    HeredocReader(SourceLines source, ErrorLocator errors) {
        this.source = source;
        this.errors = errors;
    }

    /** @param opened the heredocs of the instruction, with empty content, in order */
    List<Heredoc> readBodies(List<Heredoc> opened, LogicalLine instruction) {
        var filled = new ArrayList<Heredoc>(opened.size());
        for (Heredoc heredoc : opened) {
            filled.add(readBody(heredoc, instruction));
        }
        return filled;
    }

    private Heredoc readBody(Heredoc heredoc, LogicalLine instruction) {
        var content = new StringBuilder(heredoc.content());
        while (source.hasNext()) {
            SourceLine line = source.next();
            String candidate = SourceLines.trimNewline(line.raw());
            if (heredoc.chomp()) {
                candidate = stripLeadingTabs(candidate);
            }
            if (candidate.equals(heredoc.name())) {
                return new Heredoc(heredoc.name(), heredoc.fileDescriptor(), heredoc.expand(), heredoc.chomp(),
                        content.toString());
            }
            content.append(line.raw());
        }
        LogicalLine.Position opener = instruction.keywordPosition();
        throw errors.at(opener.line(), opener.column(), "unterminated heredoc: no line '" + heredoc.name()
                + "' ends the heredoc opened here before the end of the file; add the terminator line");
    }

    private static String stripLeadingTabs(String line) {
        int start = 0;
        while (start < line.length() && line.charAt(start) == '\t') {
            start++;
        }
        return line.substring(start);
    }
}
