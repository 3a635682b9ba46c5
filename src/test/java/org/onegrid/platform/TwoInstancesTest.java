package org.onegrid.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onegrid.OneGridApplication;
import org.onegrid.security.PublicLimits;
import org.onegrid.support.ApiTest;
import org.onegrid.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Two instances on one database, as behind a load balancer: the test's application and a second
 * one started here on the same PostgreSQL. A locked job runs once though both are asked at once;
 * a catalogue change made on one is seen by the other within 5 seconds; an address that used up
 * the public limit on one is refused by the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest extends ApiTest {

    /** Runs of the job below in this JVM, whichever instance ran it. */
    static final AtomicInteger RUNS = new AtomicInteger();

    /** A job as the platform's jobs are locked (ShedLock): at most once in 30 s across the instances. */
    public static class OnceJob {
        @SchedulerLock(name = "two-instances-test", lockAtLeastFor = "PT30S", lockAtMostFor = "PT1M")
        public void run() {
            RUNS.incrementAndGet();
        }
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationContext first;

    ConfigurableApplicationContext second;
    Http secondHttp;

    @BeforeAll
    void startTheSecondInstance() {
        HikariDataSource db = (HikariDataSource) dataSource;
        second = new SpringApplicationBuilder(OneGridApplication.class).profiles("test")
                .initializers(ctx -> ((GenericApplicationContext) ctx).registerBean(OnceJob.class))
                .properties(Map.of("spring.datasource.url", db.getJdbcUrl(), "spring.datasource.username", db.getUsername(),
                        "spring.datasource.password", db.getPassword() == null ? "" : db.getPassword(), "server.port", "0",
                        "onegrid.demo.enabled", "false", "spring.datasource.hikari.maximum-pool-size", "6"))
                .run();
        secondHttp = new Http("http://localhost:" + second.getEnvironment().getProperty("local.server.port"),
                first.getBean(com.fasterxml.jackson.databind.ObjectMapper.class));
        ((GenericApplicationContext) first).registerBean(OnceJob.class);
    }

    @AfterAll
    void stopTheSecondInstance() {
        if (second != null) {
            second.close();
        }
        PublicLimits.forget(first);
    }

    @Test
    void aLockedJobRunsOnceAcrossTheInstances() throws Exception {
        OnceJob here = first.getBean(OnceJob.class);
        OnceJob there = second.getBean(OnceJob.class);
        int before = RUNS.get();
        Thread a = new Thread(here::run);
        Thread b = new Thread(there::run);
        a.start();
        b.start();
        a.join();
        b.join();
        there.run();
        assertThat(RUNS.get() - before).as("asked three times on two instances within its 30 s").isEqualTo(1);
    }

    @Test
    void aCatalogueChangeOnOneIsSeenByTheOtherWithinFiveSeconds() throws Exception {
        ObjectNode category = (ObjectNode) http().get("/api/categories/0104", "admin").body();
        String original = category.get("nameEn").asText();
        String marker = "Illegal small advertisements " + System.nanoTime();
        category.put("nameEn", marker);
        assertThat(http().put("/api/categories/0104", "admin", category.toString()).status()).isEqualTo(200);
        long started = System.nanoTime();
        String seen = null;
        while (System.nanoTime() - started < 5_000_000_000L) {
            seen = secondHttp.get("/api/categories/0104", "admin").body().get("nameEn").asText();
            if (seen.equals(marker)) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(seen).as("the second instance within 5 s").isEqualTo(marker);
        category.put("nameEn", original);
        assertThat(secondHttp.put("/api/categories/0104", "admin", category.toString()).status()).isEqualTo(200);
        Thread.sleep(3000);
        assertThat(http().get("/api/categories/0104", "admin").body().get("nameEn").asText()).as("and back the other way")
                .isEqualTo(original);
    }

    @Test
    void thePublicLimitHoldsAcrossTheInstances() {
        PublicLimits.forget(first);
        for (int i = 0; i < 20; i++) {
            assertThat(http().get("/api/public/cases/20000101-000001?phone=0000", null).status()).isNotEqualTo(429);
        }
        assertThat(http().get("/api/public/cases/20000101-000001?phone=0000", null).status()).as("the first instance").isEqualTo(429);
        assertThat(secondHttp.get("/api/public/cases/20000101-000001?phone=0000", null).status())
                .as("the second instance counts the same address").isEqualTo(429);
        PublicLimits.forget(first);
        assertThat(secondHttp.get("/api/public/cases/20000101-000001?phone=0000", null).status()).isNotEqualTo(429);
    }
}
