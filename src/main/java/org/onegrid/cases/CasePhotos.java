package org.onegrid.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Photos kept with a case (现场照片): the reporter's, the handler's result, the grid worker's
 * site check. Whoever may see the case may see its photos; nobody else learns they exist.
 */
@Service
public class CasePhotos {

    /** Why a photo was taken. */
    public enum Purpose { REPORT, PROGRESS, RESULT, VERIFICATION }

    /** A photo's description, without its bytes. */
    public record PhotoInfo(long id, long caseId, Purpose purpose, String contentType, int sizeBytes, Integer width,
                            Integer height, String uploadedBy, Instant uploadedAt) {
    }

    /** The bytes to send, with their type. */
    public record Image(String contentType, byte[] data) {
    }

    private final JdbcClient jdbc;
    private final CaseViews cases;
    private final Clock clock;
    private final PhotoCheck check;

    CasePhotos(JdbcClient jdbc, CaseViews cases, Clock clock, @Value("${onegrid.photos.max-bytes:10485760}") long maxBytes) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.clock = clock;
        this.check = new PhotoCheck(maxBytes);
    }

    /** The rules a photo must pass, for forms that check before anything else is saved. */
    public PhotoCheck check() {
        return check;
    }

    /** Adds a checked photo to a case the uploader may see. */
    public PhotoInfo add(long caseId, Purpose purpose, PhotoCheck.Checked photo, StaffMember uploader) {
        cases.find(caseId, uploader);
        return insert(caseId, purpose, photo, uploader.username());
    }

    /** Adds the reporter's own photo to the case they just submitted (no account: the caller checked the case). */
    public PhotoInfo addFromReporter(long caseId, PhotoCheck.Checked photo) {
        return insert(caseId, Purpose.REPORT, photo, ResidentDesk.RESIDENT.username());
    }

    private PhotoInfo insert(long caseId, Purpose purpose, PhotoCheck.Checked photo, String by) {
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        INSERT INTO case_photo (case_id, purpose, content_type, size_bytes, width, height, data, thumbnail,
                                                uploaded_by, uploaded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(caseId, purpose.name(), photo.contentType(), photo.data().length, photo.width(), photo.height(),
                        photo.data(), photo.thumbnail(), by, Timestamp.from(now))
                .query(Long.class).single();
        return new PhotoInfo(id, caseId, purpose, photo.contentType(), photo.data().length, photo.width(),
                photo.height(), by, now);
    }

    /** The photos of a case the viewer may see, oldest first. */
    public List<PhotoInfo> of(long caseId, StaffMember viewer) {
        cases.find(caseId, viewer);
        return jdbc.sql("""
                        SELECT id, case_id, purpose, content_type, size_bytes, width, height, uploaded_by, uploaded_at
                        FROM case_photo WHERE case_id = ? ORDER BY id""")
                .param(caseId)
                .query((rs, i) -> new PhotoInfo(rs.getLong("id"), rs.getLong("case_id"),
                        Purpose.valueOf(rs.getString("purpose")), rs.getString("content_type"), rs.getInt("size_bytes"),
                        (Integer) rs.getObject("width"), (Integer) rs.getObject("height"), rs.getString("uploaded_by"),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    /** One photo, or its thumbnail, of a case the viewer may see. */
    public Image image(long caseId, long photoId, boolean thumbnail, StaffMember viewer) {
        cases.find(caseId, viewer);
        Optional<Image> image = jdbc.sql("""
                        SELECT content_type, data, thumbnail FROM case_photo WHERE case_id = ? AND id = ?""")
                .params(caseId, photoId)
                .query((rs, i) -> {
                    byte[] small = rs.getBytes("thumbnail");
                    return thumbnail && small != null ? new Image("image/jpeg", small)
                            : new Image(rs.getString("content_type"), rs.getBytes("data"));
                })
                .optional();
        return image.orElseThrow(() -> ApiProblemException.notFound("photo", photoId));
    }
}
