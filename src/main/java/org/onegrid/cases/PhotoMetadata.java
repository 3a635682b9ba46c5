package org.onegrid.cases;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Removes what a photo says about its taker before it is stored: the EXIF block (the phone's
 * position, make, model and serial, the time), XMP, IPTC and comments. The image itself is not
 * re-encoded, so it loses no quality: JPEG keeps its JFIF, colour profile and Adobe segments, PNG
 * its image chunks, WebP its image chunks. A file that does not parse as its type comes back
 * unchanged; {@link PhotoCheck} has refused it already.
 */
final class PhotoMetadata {

    private static final Set<String> PNG_METADATA = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");
    private static final Set<String> WEBP_METADATA = Set.of("EXIF", "XMP ");

    private PhotoMetadata() {
    }

    static byte[] strip(String contentType, byte[] data) {
        try {
            return switch (contentType) {
                case "image/jpeg" -> stripJpeg(data);
                case "image/png" -> stripPng(data);
                case "image/webp" -> stripWebp(data);
                default -> data;
            };
        } catch (IndexOutOfBoundsException truncated) {
            return data;
        }
    }

    /** Drops APP1 (EXIF, XMP), APP13 (IPTC) and COM segments before the image data starts. */
    private static byte[] stripJpeg(byte[] d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(d.length);
        out.write(d, 0, 2); // SOI
        int i = 2;
        while (i + 4 <= d.length && (d[i] & 0xff) == 0xFF) {
            int marker = d[i + 1] & 0xff;
            if (marker == 0xDA) { // start of scan: the rest is image data
                break;
            }
            int length = ((d[i + 2] & 0xff) << 8) | (d[i + 3] & 0xff);
            int end = i + 2 + length;
            if (length < 2 || end > d.length) {
                return d;
            }
            boolean metadata = marker == 0xE1 || marker == 0xED || marker == 0xFE;
            if (!metadata) {
                out.write(d, i, end - i);
            }
            i = end;
        }
        out.write(d, i, d.length - i);
        return out.toByteArray();
    }

    /** Drops the text, time and EXIF chunks; keeps every other chunk as it is (CRC included). */
    private static byte[] stripPng(byte[] d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(d.length);
        out.write(d, 0, 8);
        int i = 8;
        while (i + 12 <= d.length) {
            long length = ((long) (d[i] & 0xff) << 24) | ((d[i + 1] & 0xff) << 16) | ((d[i + 2] & 0xff) << 8) | (d[i + 3] & 0xff);
            if (length > d.length - i - 12) {
                return d;
            }
            String type = new String(d, i + 4, 4, StandardCharsets.ISO_8859_1);
            int end = i + 12 + (int) length;
            if (!PNG_METADATA.contains(type)) {
                out.write(d, i, end - i);
            }
            i = end;
        }
        out.write(d, i, d.length - i);
        return out.toByteArray();
    }

    /** Drops the EXIF and XMP chunks, clears their flags in VP8X and rewrites the RIFF size. */
    private static byte[] stripWebp(byte[] d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(d.length);
        out.write(d, 0, 12);
        int i = 12;
        while (i + 8 <= d.length) {
            long size = (d[i + 4] & 0xff) | ((d[i + 5] & 0xff) << 8) | ((d[i + 6] & 0xff) << 16) | ((long) (d[i + 7] & 0xff) << 24);
            long padded = size + (size & 1);
            if (padded > d.length - i - 8) {
                return d;
            }
            String type = new String(d, i, 4, StandardCharsets.ISO_8859_1);
            int end = i + 8 + (int) padded;
            if (!WEBP_METADATA.contains(type)) {
                byte[] chunk = java.util.Arrays.copyOfRange(d, i, end);
                if (type.equals("VP8X") && size >= 1) {
                    chunk[8] &= (byte) ~0x0C; // the EXIF (0x08) and XMP (0x04) flags
                }
                out.write(chunk, 0, chunk.length);
            }
            i = end;
        }
        byte[] result = out.toByteArray();
        int riff = result.length - 8;
        result[4] = (byte) riff;
        result[5] = (byte) (riff >> 8);
        result[6] = (byte) (riff >> 16);
        result[7] = (byte) (riff >> 24);
        return result;
    }
}
