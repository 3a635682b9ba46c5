package org.onegrid.cases;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.onegrid.errors.ApiProblemException;

/**
 * What a photo must be: JPEG, PNG or WebP by its first bytes (the name and the declared type
 * are not trusted), at most the configured size, and, for JPEG and PNG, an image that decodes
 * with sane dimensions. JPEG and PNG get a thumbnail; the JDK cannot decode WebP, so a WebP
 * photo serves as its own thumbnail. What passes is stored without its metadata
 * ({@link PhotoMetadata}: no position, device or time of the taker).
 */
public final class PhotoCheck {

    /** A photo that passed, with its type, dimensions and thumbnail (null for WebP). */
    public record Checked(String contentType, byte[] data, Integer width, Integer height, byte[] thumbnail) {
    }

    static final int THUMBNAIL_EDGE = 240;
    private static final long MAX_PIXELS = 60_000_000L;

    private final long maxBytes;

    public PhotoCheck(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Checks {@code data} as the photo in form field {@code field}; refuses it with a 400 naming the field. */
    public Checked check(String field, byte[] data) {
        if (data == null || data.length == 0) {
            throw ApiProblemException.invalid(field, "the file is empty");
        }
        if (data.length > maxBytes) {
            throw ApiProblemException.invalid(field, "the photo is " + megabytes(data.length)
                    + " MB; at most " + megabytes(maxBytes) + " MB is accepted");
        }
        String type = sniff(data);
        if (type == null) {
            throw ApiProblemException.invalid(field, "not a photo: only JPEG, PNG and WebP are accepted");
        }
        byte[] clean = PhotoMetadata.strip(type, data);
        if (type.equals("image/webp")) {
            return new Checked(type, clean, null, null, null);
        }
        try {
            BufferedImage image = decode(clean);
            if (image == null) {
                throw ApiProblemException.invalid(field, "the file says it is " + type + " but cannot be read as one");
            }
            return new Checked(type, clean, image.getWidth(), image.getHeight(), thumbnail(image));
        } catch (IOException | RuntimeException broken) {
            if (broken instanceof ApiProblemException problem) {
                throw problem;
            }
            throw ApiProblemException.invalid(field, "the file says it is " + type + " but cannot be read as one");
        }
    }

    /** The type by magic number, or null. */
    static String sniff(byte[] d) {
        if (d.length >= 3 && (d[0] & 0xff) == 0xFF && (d[1] & 0xff) == 0xD8 && (d[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (d.length >= 8 && (d[0] & 0xff) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G' && d[4] == 0x0D
                && d[5] == 0x0A && d[6] == 0x1A && d[7] == 0x0A) {
            return "image/png";
        }
        if (d.length >= 12 && d[0] == 'R' && d[1] == 'I' && d[2] == 'F' && d[3] == 'F' && d[8] == 'W' && d[9] == 'E'
                && d[10] == 'B' && d[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    /** Reads the dimensions first, so that a small file claiming a huge image is refused before decoding. */
    private static BufferedImage decode(byte[] data) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw ApiProblemException.invalid("photo", "the image is " + reader.getWidth(0) + " x "
                            + reader.getHeight(0) + " pixels; at most " + MAX_PIXELS / 1_000_000 + " megapixels");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    private static byte[] thumbnail(BufferedImage image) throws IOException {
        double scale = Math.min(1.0, (double) THUMBNAIL_EDGE / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(small, "jpeg", out);
        return out.toByteArray();
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f", bytes / (1024.0 * 1024.0));
    }
}
