package dev.concbench.reports.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concbench.reports.machines.MachineMatrix;
import dev.concbench.reports.support.Fixtures;
import dev.concbench.reports.support.Sweeps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Opens the rendered pages from disk in headless Chromium with the network off, and checks what
 * a person would see: no console error, every chart drawn at a non-zero size, the flags of
 * invalid results visible. Keeps the pages and their screenshots under {@code target/browser/}: the
 * first screen at full size, the whole page at half size.
 *
 * <p>Drives Debian's {@code /usr/bin/chromedriver} (built from the same source as
 * {@code /usr/bin/chromium}, so their versions always match) through Selenium, the W3C WebDriver
 * client the browser vendors test against; Selenium Manager is never asked to download anything,
 * because both binaries are given explicitly. Without Chromium the test is skipped, except under
 * {@code CI=true}, where a missing browser is an error ({@code .ci/run} installs it).
 */
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path OUTPUT = Path.of("target", "browser");
    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path profile;

    private static ChromeDriverService service;
    private static ChromeDriver driver;

    @BeforeAll
    static void startChromium() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String why = "no " + (Files.isExecutable(CHROMIUM) ? CHROMEDRIVER : CHROMIUM)
                    + " (Debian packages chromium and chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but " + why + "; .ci/run must install them");
            }
            abort("browser test skipped: " + why);
        }
        Files.createDirectories(OUTPUT);
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1366,900",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost");
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        logging.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        try {
            driver = new ChromeDriver(service, options);
            var offline = new ChromiumNetworkConditions();
            offline.setOffline(true);
            driver.setNetworkConditions(offline);
            driver.manage().timeouts().pageLoadTimeout(RENDER_TIMEOUT);
        } catch (RuntimeException failed) {
            service.stop();
            throw failed;
        }
    }

    @AfterAll
    static void stopChromium() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void runReportRendersOfflineWithEveryChartAndVisibleFlags() throws IOException, InterruptedException {
        Path page = OUTPUT.resolve("index.html");
        Files.writeString(page, HtmlReport.render(Fixtures.run("run-epyc.json")), StandardCharsets.UTF_8);

        open(page);

        List<Map<String, Object>> charts = chartSizes();
        long containers = (Long) script("return document.querySelectorAll('.chart').length;");
        assertThat(charts).hasSize((int) containers).hasSizeGreaterThan(20);
        assertEveryChartDrewSomething(charts);

        WebElement flags = driver.findElement(By.id("flags"));
        List<WebElement> invalidBadges = flags.findElements(By.cssSelector(".flag-invalid"));
        assertThat(invalidBadges).hasSize(5).allSatisfy(badge -> {
            assertThat(badge.isDisplayed()).isTrue();
            assertThat(badge.getText()).contains("invalid");
            assertThat(badge.getSize().getHeight()).isPositive();
        });
        assertThat(flags.getText()).contains("errors above 0.1% (107 of 157 requests)",
                "client-bound: within 20% of the client ceiling");
        assertThat(script("""
                return window.concbench.charts.filter(function (c) {
                  return c.chart.getOption().series.some(function (s) {
                    return (s.data || []).some(function (d) { return d && d.symbol === 'triangle'; });
                  });
                }).map(function (c) { return c.id; });"""))
                .as("charts marking invalid points").asList().contains("chart-sleep-closed-ms1000-throughput");
        assertThat(driver.findElement(By.id("environment")).getText()).contains("182k req/s", "AMD EPYC 7B13");

        assertNoConsoleErrors();
        assertNoNetworkRequests();
        screenshots("index");
    }

    @Test
    void capacityChartsDrawTheCurvesTheObjectiveAndEveryBracket() throws IOException, InterruptedException {
        Path page = OUTPUT.resolve("capacity.html");
        Files.writeString(page, HtmlReport.render(Sweeps.withFindings(Sweeps.withSweeps(Fixtures.run("run-epyc.json")))),
                StandardCharsets.UTF_8);

        open(page);

        List<Map<String, Object>> charts = chartSizes();
        assertEveryChartDrewSomething(charts);
        assertThat(charts.stream().map(c -> (String) c.get("id")).filter(id -> id.startsWith("chart-capacity-")))
                .containsExactly("chart-capacity-hello_connections_64-curve", "chart-capacity-hello_connections_64-brackets",
                        "chart-capacity-sleep_connections_64_ms_1-curve", "chart-capacity-sleep_connections_64_ms_1-brackets");
        assertThat(script("""
                var c = window.concbench.charts.find(function (c) { return c.id === 'chart-capacity-hello_connections_64-curve'; });
                var option = c.chart.getOption();
                return { limit: option.series.filter(function (s) { return s.name === 'p99 < 10.0 ms'; }).length,
                         hidden: Object.keys(option.legend[0].selected).filter(function (k) { return !option.legend[0].selected[k]; }).length,
                         failed: option.series.reduce(function (n, s) { return n + (s.data || []).filter(function (d) {
                           return d && d.symbol === 'rect'; }).length; }, 0) };"""))
                .as("the objective's line, the uncorrected lines off at first, failing steps marked")
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("limit", 1L).containsEntry("hidden", 7L)
                .hasEntrySatisfying("failed", failed -> assertThat((Long) failed).isGreaterThan(5));
        assertThat(drawnText("chart-capacity-sleep_connections_64_ms_1-brackets"))
                .contains("< 1,000/s · failed-at-lowest", "/s · bracketed");
        assertThat(drawnText("chart-capacity-hello_connections_64-brackets")).contains("/s · client-limited", "\u2013");
        assertThat(driver.findElement(By.id("capacity")).getText()).contains("no bracket", "inconclusive");
        assertThat(driver.findElement(By.id("overload")).isDisplayed()).isTrue();

        assertNoConsoleErrors();
        assertNoNetworkRequests();
        screenshots("capacity");
        Files.write(OUTPUT.resolve("capacity-section.png"), elementScreenshot("capacity"));
    }

    @Test
    void machinesPageRendersOffline() throws IOException, InterruptedException {
        Path page = OUTPUT.resolve("machines.html");
        Files.writeString(page, MachinesHtml.render(MachineMatrix.of(
                List.of(Fixtures.run("run-epyc.json"), Fixtures.run("run-xeon.json")), false)), StandardCharsets.UTF_8);

        open(page);

        List<Map<String, Object>> charts = chartSizes();
        assertThat(charts).hasSize(1);
        assertEveryChartDrewSomething(charts);
        assertNoConsoleErrors();
        assertNoNetworkRequests();
        screenshots("machines");
    }

    private void open(Path page) throws InterruptedException {
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
        driver.get(page.toAbsolutePath().toUri().toString());
        long deadline = System.nanoTime() + RENDER_TIMEOUT.toNanos();
        Object rendered = null;
        while (rendered == null && System.nanoTime() < deadline) {
            rendered = script("return document.documentElement.getAttribute('data-charts-rendered');");
            if (rendered == null) {
                Thread.sleep(100);
            }
        }
        assertThat(rendered).as("the chart code finished within " + RENDER_TIMEOUT + "; console errors: "
                + errors()).isNotNull();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> chartSizes() {
        return (List<Map<String, Object>>) script("""
                return window.concbench.charts.map(function (c) {
                  var element = document.getElementById(c.id);
                  var box = element.getBoundingClientRect();
                  var svg = element.querySelector('svg');
                  var svgBox = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
                  var drawn = svg ? Array.prototype.filter.call(svg.querySelectorAll('path'), function (p) {
                    var b = p.getBBox(); return (b.width > 0 || b.height > 0) && p.getAttribute('d');
                  }).length : 0;
                  var items = c.chart.getOption().series.reduce(function (n, s) {
                    return n + (s.data ? s.data.length : 0); }, 0);
                  return { id: c.id, width: box.width, height: box.height, svgWidth: svgBox.width,
                           svgHeight: svgBox.height, paths: drawn, items: items };
                });""");
    }

    private static void assertEveryChartDrewSomething(List<Map<String, Object>> charts) {
        assertThat(charts).allSatisfy(chart -> {
            String id = (String) chart.get("id");
            assertThat(((Number) chart.get("width")).doubleValue()).as(id + " width").isGreaterThan(100);
            assertThat(((Number) chart.get("height")).doubleValue()).as(id + " height").isGreaterThan(100);
            assertThat(((Number) chart.get("svgWidth")).doubleValue()).as(id + " drawing width").isGreaterThan(100);
            assertThat(((Number) chart.get("svgHeight")).doubleValue()).as(id + " drawing height").isGreaterThan(100);
            assertThat(((Number) chart.get("items")).longValue()).as(id + " data items").isPositive();
            assertThat(((Number) chart.get("paths")).longValue()).as(id + " drawn shapes").isGreaterThan(3);
        });
    }

    private static List<String> errors() {
        var errors = new ArrayList<String>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    private static void assertNoConsoleErrors() {
        assertThat(errors()).as("console errors").isEmpty();
    }

    private static void assertNoNetworkRequests() throws IOException {
        var urls = new ArrayList<String>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                urls.add(message.path("params").path("request").path("url").asText());
            }
        }
        assertThat(urls).as("requests the page made").isNotEmpty()
                .allSatisfy(url -> assertThat(url).matches("^(file|data|about|blob):.*"));
    }

    private static void screenshots(String name) throws IOException {
        Files.write(OUTPUT.resolve(name + "-top.png"), driver.getScreenshotAs(OutputType.BYTES));
        @SuppressWarnings("unchecked")
        var metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        var size = (Map<String, Object>) metrics.get("cssContentSize");
        var clip = Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                "height", ((Number) size.get("height")).doubleValue(), "scale", 0.5);
        var shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        assertThat(png.length).isGreaterThan(10_000);
        Files.write(OUTPUT.resolve(name + "-full.png"), png);
    }

    /** The text a chart drew (its SVG's text elements). */
    private static String drawnText(String id) {
        return (String) script("return document.getElementById('" + id + "').querySelector('svg').textContent;");
    }

    /** The element at full size, however much of it lies beyond the window. */
    private static byte[] elementScreenshot(String id) {
        @SuppressWarnings("unchecked")
        var box = (Map<String, Object>) script("var b = document.getElementById('" + id + "').getBoundingClientRect();"
                + " return { x: b.left + window.scrollX, y: b.top + window.scrollY, width: b.width, height: b.height };");
        var clip = Map.of("x", ((Number) box.get("x")).doubleValue(), "y", ((Number) box.get("y")).doubleValue(),
                "width", ((Number) box.get("width")).doubleValue(), "height", ((Number) box.get("height")).doubleValue(),
                "scale", 1);
        var shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        assertThat(png.length).isGreaterThan(10_000);
        return png;
    }

    private static Object script(String source) {
        return driver.executeScript(source);
    }
}
