package dev.kiln.dockerfile.instructions;

import dev.kiln.dockerfile.parser.SourceRange;
import java.time.Duration;
import java.util.List;

/**
 * {@code HEALTHCHECK NONE} or {@code HEALTHCHECK [options] CMD command}.
 *
 * @param test     as in the image config: {@code ["NONE"]}, {@code ["CMD", argv…]} or {@code ["CMD-SHELL", text]}
 * @param interval zero when not given (likewise timeout, startPeriod, startInterval, retries)
 */
public record Healthcheck(List<String> test, Duration interval, Duration timeout, Duration startPeriod,
                          Duration startInterval, int retries, SourceRange range, String original)
        implements Instruction {
    public Healthcheck {
        test = List.copyOf(test);
    }

    public boolean isNone() {
        return test.equals(List.of("NONE"));
    }
}
