package org.onegrid.pages;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.onegrid.cases.PhotoCheck;
import org.onegrid.errors.ApiProblemException;
import org.springframework.web.multipart.MultipartFile;

/** A photo field of a form: nothing chosen is fine; a bad file is a field error, checked before anything is saved. */
final class PhotoUpload {

    private PhotoUpload() {
    }

    static Optional<PhotoCheck.Checked> read(PhotoCheck check, String field, MultipartFile file, Map<String, String> errors) {
        if (file == null || file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(check.check(field, file.getBytes()));
        } catch (ApiProblemException refused) {
            errors.put(field, refused.errors().isEmpty() ? refused.getMessage() : refused.errors().get(0).reason());
            return Optional.empty();
        } catch (IOException unreadable) {
            errors.put(field, "the upload could not be read; try again");
            return Optional.empty();
        }
    }

    /** A report's photo and its point as typed into a form: the photo checked, the coordinates read as numbers. */
    record Placed(Optional<PhotoCheck.Checked> photo, Double lat, Double lng) {
    }

    static Placed readPlaced(PhotoCheck check, MultipartFile file, String lat, String lng, Map<String, String> errors) {
        Optional<PhotoCheck.Checked> photo = read(check, "photo", file, errors);
        return new Placed(photo, FormErrors.number("lat", lat, errors), FormErrors.number("lng", lng, errors));
    }
}
