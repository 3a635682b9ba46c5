package org.onegrid.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.onegrid.errors.ApiProblemException;

/** Photos: JPEG, PNG or WebP by content, at most the size limit, readable, with a thumbnail. */
class PhotoCheckTest {

    private final PhotoCheck check = new PhotoCheck(200_000);

    private static byte[] image(String format, int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    @Test
    void aJpegOrPngIsKeptWithItsSizeAndAThumbnailOfAtMost240Pixels() throws IOException {
        PhotoCheck.Checked png = check.check("photo", image("png", 800, 400));
        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(png.width()).isEqualTo(800);
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(png.thumbnail()));
        assertThat(thumb.getWidth()).isEqualTo(240);
        assertThat(thumb.getHeight()).isEqualTo(120);
        assertThat(check.check("photo", image("jpeg", 50, 50)).contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void theTypeComesFromTheBytesNotTheName() {
        assertThatThrownBy(() -> check.check("photo", "<script>alert(1)</script>".getBytes()))
                .isInstanceOf(ApiProblemException.class)
                .satisfies(e -> assertThat(((ApiProblemException) e).errors().get(0).field()).isEqualTo("photo"))
                .hasMessageContaining("only JPEG, PNG and WebP");
    }

    @Test
    void aFileThatStartsLikeAPngButIsBrokenIsRefused() throws IOException {
        byte[] png = image("png", 40, 40);
        byte[] broken = java.util.Arrays.copyOf(png, 20);
        assertThatThrownBy(() -> check.check("photo", broken)).hasMessageContaining("cannot be read");
    }

    @Test
    void aWebpIsKeptAsItsOwnThumbnail() {
        byte[] webp = new byte[64];
        System.arraycopy("RIFF".getBytes(), 0, webp, 0, 4);
        System.arraycopy("WEBPVP8 ".getBytes(), 0, webp, 8, 8);
        PhotoCheck.Checked checked = check.check("photo", webp);
        assertThat(checked.contentType()).isEqualTo("image/webp");
        assertThat(checked.thumbnail()).isNull();
    }

    @Test
    void tooLargeOrEmptyIsRefusedWithTheLimitInTheReason() {
        assertThatThrownBy(() -> check.check("photo", new byte[300_000])).hasMessageContaining("at most 0.2 MB");
        assertThatThrownBy(() -> check.check("photo", new byte[0])).hasMessageContaining("empty");
    }

    @Test
    void aPhotoIsStoredWithoutThePositionAndDeviceItsMetadataCarried() throws IOException {
        byte[] where = "Exif\0\0GPS 34.5555N 119.1355E Make HUAWEI Model P60".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] jpeg = image("jpeg", 60, 40);
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        withExif.write(jpeg, 0, 2);
        withExif.write(new byte[] {(byte) 0xFF, (byte) 0xE1, 0, (byte) (where.length + 2)});
        withExif.write(where);
        withExif.write(jpeg, 2, jpeg.length - 2);
        PhotoCheck.Checked checkedJpeg = check.check("photo", withExif.toByteArray());
        assertThat(new String(checkedJpeg.data(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("GPS", "HUAWEI");
        assertThat(checkedJpeg.data()).isEqualTo(jpeg);
        assertThat(checkedJpeg.width()).isEqualTo(60);

        byte[] png = image("png", 30, 20);
        byte[] text = "Comment\0GPS 34.5555N HUAWEI".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream withText = new ByteArrayOutputStream();
        withText.write(png, 0, 33); // signature and IHDR
        withText.write(new byte[] {0, 0, 0, (byte) text.length});
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("tEXt".getBytes());
        crc.update(text);
        withText.write("tEXt".getBytes());
        withText.write(text);
        withText.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        withText.write(png, 33, png.length - 33);
        PhotoCheck.Checked checkedPng = check.check("photo", withText.toByteArray());
        assertThat(checkedPng.data()).isEqualTo(png);
        assertThat(checkedPng.height()).isEqualTo(20);

        ByteArrayOutputStream w = new ByteArrayOutputStream();
        w.write("RIFF".getBytes());
        w.write(new byte[4]);
        w.write("WEBPVP8X".getBytes());
        w.write(new byte[] {10, 0, 0, 0, 0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        w.write("VP8 ".getBytes());
        w.write(new byte[] {2, 0, 0, 0, 1, 2});
        w.write("EXIF".getBytes());
        w.write(new byte[] {3, 0, 0, 0, 'G', 'P', 'S', 0});
        PhotoCheck.Checked checkedWebp = check.check("photo", w.toByteArray());
        String kept = new String(checkedWebp.data(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(kept).doesNotContain("EXIF").doesNotContain("GPS").contains("VP8 ");
        assertThat(checkedWebp.data()[20] & 0x08).as("the EXIF flag of VP8X").isZero();
        int riff = (checkedWebp.data()[4] & 0xff) | (checkedWebp.data()[5] & 0xff) << 8;
        assertThat(riff).isEqualTo(checkedWebp.data().length - 8);
    }
}
