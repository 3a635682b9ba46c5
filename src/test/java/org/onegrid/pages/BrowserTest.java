package org.onegrid.pages;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Geolocation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.onegrid.support.ApiTest;

/** Base of the page tests: one headless Chromium per test class, phones at 390 px and desktops at 1366 px. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest extends ApiTest {

    protected com.microsoft.playwright.Browser browser;
    private Playwright playwright;

    @BeforeAll
    void startBrowser() {
        Path chromium = Browser.chromium();
        playwright = Browser.playwright();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage")));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A phone's browser; with a position, the page may read it (the phone's GPS). */
    protected BrowserContext phoneContext(Geolocation at) {
        com.microsoft.playwright.Browser.NewContextOptions options = new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(390, 844).setLocale("zh-CN").setDeviceScaleFactor(1);
        if (at != null) {
            options.setGeolocation(at).setPermissions(List.of("geolocation"));
        }
        return browser.newContext(options);
    }

    protected Page phone() {
        return phoneContext(null).newPage();
    }

    protected Page desktop() {
        return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1366, 900).setLocale("zh-CN")).newPage();
    }

    protected Page signIn(Page page, String user) {
        return Browser.signIn(page, url("/login"), user);
    }
}
