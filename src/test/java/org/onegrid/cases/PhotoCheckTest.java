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
}
