package dev.kiln.image.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class Crc32CombineTest {
    @Test
    void combinedCrcEqualsTheCrcOfTheConcatenation() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            byte[] a = new byte[random.nextInt(5000)];
            byte[] b = new byte[random.nextInt(5000)];
            random.nextBytes(a);
            random.nextBytes(b);
            var whole = new CRC32();
            whole.update(a);
            whole.update(b);
            assertThat(Crc32Combine.combine(crc(a, a.length), crc(b, b.length), b.length))
                    .isEqualTo((int) whole.getValue());
        }
    }

    @Test
    void worksForPartsLongerThan4GiBModuloAndBeyond() {
        // crc(A · 0^n) from crc(A) and crc(0^n) computed the slow way, for n past 2^32 bits
        byte[] zeros = new byte[1 << 20];
        var crcZeros = new CRC32();
        long n = 0;
        for (int i = 0; i < 600; i++) { // 600 MiB
            crcZeros.update(zeros);
            n += zeros.length;
        }
        byte[] a = {1, 2, 3, 4, 5};
        var whole = new CRC32();
        whole.update(a);
        for (int i = 0; i < 600; i++) {
            whole.update(zeros);
        }
        assertThat(Crc32Combine.combine(crc(a, a.length), (int) crcZeros.getValue(), n)).isEqualTo((int) whole.getValue());
    }

    private static int crc(byte[] bytes, int length) {
        var crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
