package org.onegrid.households;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the register's ID numbers (AES-256-GCM, a fresh 12-byte nonce each) and hashes them
 * with a key (HMAC-SHA256) for finding a person without decrypting anyone. The key is
 * {@code onegrid.register.key} (32 bytes, base64) or, unset, a key file made on the first start
 * ({@code onegrid.register.key-file}, readable by its owner only), kept apart from the database
 * so that a copy of the database alone reads no ID number. Several instances share one key.
 */
@Component
class RegisterCipher {

    private static final Logger log = LoggerFactory.getLogger(RegisterCipher.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec encryption;
    private final SecretKeySpec hashing;

    RegisterCipher(@Value("${onegrid.register.key:}") String key, @Value("${onegrid.register.key-file:data/register.key}") String file) {
        byte[] master = key.isBlank() ? fromFile(Path.of(file)) : Base64.getDecoder().decode(key.strip());
        if (master.length != 32) {
            throw new IllegalStateException("onegrid.register.key must be 32 bytes in base64");
        }
        this.encryption = new SecretKeySpec(derive(master, "encrypt"), "AES");
        this.hashing = new SecretKeySpec(derive(master, "hash"), "HmacSHA256");
    }

    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // a file system without owners' permissions
                }
                log.warn("The register's key was made in {}: back it up apart from the database; without it no ID number "
                        + "can be read", file.toAbsolutePath());
                return fresh;
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException unreadable) {
            throw new UncheckedIOException("the register's key file " + file + " cannot be read or made", unreadable);
        }
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(("onegrid-register-" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    byte[] encrypt(String plain) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryption, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    String decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(128, stored, 0, 12));
            return new String(cipher.doFinal(stored, 12, stored.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException wrongKey) {
            throw new IllegalStateException("an ID number cannot be decrypted: the register's key is not the one it was "
                    + "written with", wrongKey);
        }
    }

    byte[] hash(String plain) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashing);
            return mac.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
