package dev.kiln.image.layer;

/**
 * CRC-32 of a concatenation from the CRCs of its parts: crc(A·B) = crc(A)·x^(8·|B|) ⊕ crc(B)
 * in GF(2)[x] modulo the CRC polynomial (reflected bit order). Lets gzip blocks be checksummed
 * on the threads that compress them.
 */
final class Crc32Combine {
    private static final int POLY = 0xEDB88320; // reflected x^32 + x^26 + … + 1
    private static final int ONE = 0x80000000; // the polynomial 1, reflected
    /** POWERS[k] = x^(2^k) mod P, for every k a 63-bit length in bits can need. */
    private static final int[] POWERS = new int[3 + 64];

    static {
        POWERS[0] = ONE >>> 1; // x^1
        for (int k = 1; k < POWERS.length; k++) {
            POWERS[k] = multiply(POWERS[k - 1], POWERS[k - 1]);
        }
    }

    /** The CRC-32 of A followed by B, given crc(A), crc(B) and the length of B in bytes. */
    static int combine(int crcA, int crcB, long lengthB) {
        return multiply(xPowerMod(lengthB), crcA) ^ crcB;
    }

    /** x^(8·bytes) mod P. */
    private static int xPowerMod(long bytes) {
        int result = ONE;
        int k = 3; // 8·bytes = bytes · 2^3
        for (long n = bytes; n != 0; n >>>= 1, k++) {
            if ((n & 1) != 0) {
                result = multiply(POWERS[k], result);
            }
        }
        return result;
    }

    /** a·b mod P, both reflected. */
    private static int multiply(int a, int b) {
        int product = 0;
        for (int bit = ONE; bit != 0; bit >>>= 1) {
            if ((a & bit) != 0) {
                product ^= b;
            }
            b = (b & 1) != 0 ? (b >>> 1) ^ POLY : b >>> 1;
        }
        return product;
    }

    private Crc32Combine() {
    }
}
