package org.onegrid.pages;

import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real browser for page tests: Debian's chromium driven by Playwright. When chromium or a
 * Chinese font is missing, the set-up installs them with apt-get (as root, or with sudo -n);
 * Playwright never downloads a browser of its own.
 */
final class Browser {

    private static final List<Path> CHROMIUM = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));

    private Browser() {
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static synchronized Path chromium() {
        boolean fontMissing = !hasChineseFont();
        if (find() == null || fontMissing) {
            install();
        }
        Path found = find();
        if (found == null) {
            throw new IllegalStateException("chromium is not installed and apt-get could not install it");
        }
        return found;
    }

    private static Path find() {
        return CHROMIUM.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    private static boolean hasChineseFont() {
        try {
            Process p = new ProcessBuilder("fc-list", ":lang=zh").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            return p.waitFor(30, TimeUnit.SECONDS) && !out.isBlank();
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void install() {
        List<String> packages = List.of("chromium", "fonts-noto-cjk");
        System.out.println("[browser set-up] installing " + packages + " with apt-get");
        if (run(aptGet(List.of("install", "-y", "-q", "--no-install-recommends"), packages)) != 0) {
            run(aptGet(List.of("update", "-q"), List.of()));
            run(aptGet(List.of("install", "-y", "-q", "--no-install-recommends"), packages));
        }
    }

    private static List<String> aptGet(List<String> verb, List<String> packages) {
        List<String> command = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("sudo", "-n"));
        }
        command.add("apt-get");
        command.addAll(verb);
        command.addAll(packages);
        return command;
    }

    private static int run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process p = builder.start();
            return p.waitFor(15, TimeUnit.MINUTES) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Where page tests keep their screenshots. */
    static final Path SHOTS = Path.of("target", "screenshots");

    /** Signs in as {@code user} (the demo password) or {@code user:password}. */
    static com.microsoft.playwright.Page signIn(com.microsoft.playwright.Page page, String loginUrl, String user) {
        page.navigate(loginUrl);
        int colon = user.indexOf(':');
        page.fill("#username", colon < 0 ? user : user.substring(0, colon));
        page.fill("#password", colon < 0 ? "demo" : user.substring(colon + 1));
        page.click("button[type=submit].primary");
        page.waitForLoadState();
        return page;
    }

    static void shot(com.microsoft.playwright.Page page, String name) {
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    static void assertNoSidewaysScroll(com.microsoft.playwright.Page page) {
        Object wider = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) wider).intValue()).as("sideways scroll on %s", page.url())
                .isLessThanOrEqualTo(0);
    }

    static void waitForMap(com.microsoft.playwright.Page page) {
        // Attached, not visible: grids other tests import may be too small to see at the map's zoom.
        page.waitForSelector(".map .leaflet-interactive", new com.microsoft.playwright.Page.WaitForSelectorOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
    }
}
