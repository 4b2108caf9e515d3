package dev.kiln.plan;

import dev.kiln.KilnException;
import dev.kiln.dockerfile.instructions.Arg;
import dev.kiln.dockerfile.instructions.Stage;
import dev.kiln.dockerfile.lint.Finding;
import dev.kiln.dockerfile.lint.Rule;
import dev.kiln.dockerfile.shell.ShellLexer;
import dev.kiln.image.ImageReference;

import java.util.List;
import java.util.Map;

/**
 * InvalidDefaultArgInFrom: every FROM must name a valid image (or stage) with the global ARGs' own
 * defaults, as if no {@code --build-arg} were given — for every stage, built or not.
 */
final class DefaultBaseNames {
    private DefaultBaseNames() {}

    static void check(List<Arg> metaArgs, List<Stage> stages, Map<String, String> platformArgs, ShellLexer lexer,
                      List<Finding> findings) {
        MetaArgs defaults;
        try {
            defaults = MetaArgs.evaluate(metaArgs, platformArgs, Map.of(), lexer);
        } catch (KilnException e) {
            return; // as BuildKit: the check gives up; the build reports the error with the real args
        }
        for (var stage : stages) {
            String name;
            try {
                name = lexer.processWord(stage.baseImage(), defaults.values());
            } catch (KilnException e) {
                return;
            }
            if (!isReference(name)) {
                var range = stage.from().range();
                findings.add(Rule.INVALID_DEFAULT_ARG_IN_FROM.at(range, Finding.FILE_SCOPE, "Default value for ARG "
                        + stage.baseImage() + " results in empty or invalid base image name"));
            }
        }
    }

    private static boolean isReference(String name) {
        try {
            ImageReference.parse(name);
            return true;
        } catch (KilnException e) {
            return false;
        }
    }
}
