package dev.scratchnet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scratchnet.runtime.Model;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The drawing page in headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * driven by Selenium through {@code /usr/bin/chromedriver}, so nothing is downloaded): strokes of a
 * digit drawn on the canvas with the mouse, and the class the page shows read back. The models are
 * {@code digits-model.zip} (8 × 8) and {@code mnist-like-model.zip} (28 × 28) in the test resources,
 * made by the commands in docs/deploy-and-serve.md, and {@code digits-showcase-model.zip}, what a plain
 * {@code ./scratchnet digits --quiet --output DIR} writes, which must read every digit of two hands
 * ({@code drawn-digits.txt}) but one. Skipped, saying why, only where Chromium is not installed.
 */
class DrawingPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Selenium's own log (java.util.logging): kept here so that the level set below holds. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    private static PredictionServer server;
    /** The model a plain {@code ./scratchnet digits} writes, which people draw on. */
    private static PredictionServer showcaseServer;
    /** A model of 28 × 28 pictures, for MNIST's preparation. */
    private static PredictionServer mnistServer;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the drawing page is not tested: " + CHROMIUM + " and " + CHROMEDRIVER + " are needed "
                        + "(apt-get install -y chromium chromium-driver; .ci/run installs them)");
        // Debian's Chromium is often newer than the DevTools versions this Selenium knows; the tests need none
        SELENIUM_LOG.setLevel(Level.SEVERE);
        server = PredictionServer.start(resourceModel("digits-model.zip"), ServerOptions.onPort(0));
        mnistServer = PredictionServer.start(resourceModel("mnist-like-model.zip"), ServerOptions.onPort(0));
        showcaseServer = PredictionServer.start(resourceModel("digits-showcase-model.zip"), ServerOptions.onPort(0));
        // Chromium's profile, caches and temporary folders under target/, not in $HOME and /tmp run after run
        Path chromium = Files.createDirectories(Path.of("target", "chromium").toAbsolutePath());
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withEnvironment(java.util.Map.of("TMPDIR", chromium.toString(), "HOME", chromium.toString(),
                        "XDG_CONFIG_HOME", chromium.resolve(".config").toString(),
                        "XDG_CACHE_HOME", chromium.resolve(".cache").toString()))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=960,760", "--user-data-dir=" + chromium.resolve("profile"));
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (mnistServer != null) {
            mnistServer.close();
        }
        if (showcaseServer != null) {
            showcaseServer.close();
        }
    }

    private static Model resourceModel(String name) throws IOException {
        Path model = Files.createTempFile("model", ".zip");
        try (var in = DrawingPageIT.class.getResourceAsStream("/" + name)) {
            Files.copy(in, model, StandardCopyOption.REPLACE_EXISTING);
            return Model.load(model);
        } finally {
            Files.delete(model);
        }
    }

    @BeforeEach
    void openPage() {
        open(server);
    }

    private static void open(PredictionServer target) {
        browser.get(target.uri().toString());
        waitFor("the page has read the model", () -> browser.findElements(By.cssSelector("#bars li")).size() == 10);
    }

    @Test
    void aDrawnSevenIsReadAsSeven() throws IOException {
        draw(List.of(new int[] {80, 60}, new int[] {200, 60}, new int[] {120, 230}));

        assertEquals("7", shownClass());
        screenshot("drawing-page.png");
    }

    @Test
    void aDrawnZeroIsReadAsZero() {
        draw(ellipse(140, 140, 60, 95));

        assertEquals("0", shownClass());
    }

    @Test
    void aModelOf28By28PicturesReadsDrawnDigits() {
        open(mnistServer);
        draw(ellipse(140, 140, 60, 95));
        String zero = shownClass() + " " + probabilities();
        browser.findElement(By.id("clear")).click();
        draw(List.of(new int[] {80, 60}, new int[] {200, 60}, new int[] {120, 230}));
        String seven = shownClass() + " " + probabilities();

        assertEquals("28×28", browser.findElement(By.id("seen-label")).getText().replaceAll(".*\\((.*)\\)", "$1"));
        assertEquals("0", zero.split(" ")[0], zero);
        assertEquals("7", seven.split(" ")[0], seven);
    }

    @Test
    void theShowcaseModelReadsEveryDigitOfTwoHands() throws IOException {
        open(showcaseServer);
        List<String> wrong = new java.util.ArrayList<>();
        int drawings = 0;
        for (String line : Files.readAllLines(Path.of("src/test/resources/drawn-digits.txt"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] parts = line.split(":", 2);
            browser.findElement(By.id("clear")).click();
            for (String stroke : parts[1].split("\\|")) {
                List<int[]> points = new java.util.ArrayList<>();
                for (String point : stroke.trim().split(" ")) {
                    String[] xy = point.split(",");
                    points.add(new int[] {Integer.parseInt(xy[0]), Integer.parseInt(xy[1])});
                }
                draw(points);
            }
            String shown = shownClass();
            drawings++;
            if (!shown.equals(parts[0].substring(0, 1))) {
                wrong.add(parts[0] + " read as " + shown);
                screenshot("drawn-" + parts[0].replace(' ', '-') + ".png");
            }
        }
        assertEquals(20, drawings, "ten digits, two hands");
        assertTrue(wrong.size() <= 1, "at most one of " + drawings + " drawings misread: " + wrong);
    }

    private static String probabilities() {
        StringBuilder text = new StringBuilder();
        for (WebElement bar : browser.findElements(By.cssSelector("#bars li"))) {
            text.append(bar.getAttribute("data-probability"), 0, Math.min(5, bar.getAttribute("data-probability").length())).append(' ');
        }
        return text.toString();
    }

    @Test
    void theTopBarIsThePredictedClassAndClearEmptiesThePage() {
        draw(List.of(new int[] {140, 40}, new int[] {140, 240}));
        String shown = shownClass();
        WebElement top = browser.findElement(By.cssSelector("#bars li.top"));

        assertEquals(shown, top.findElement(By.className("name")).getText());
        double sum = 0;
        for (WebElement bar : browser.findElements(By.cssSelector("#bars li"))) {
            sum += Double.parseDouble(bar.getAttribute("data-probability"));
        }
        assertEquals(1.0, sum, 1e-3, "the bars are the probabilities of all ten classes");
        double p = Double.parseDouble(top.getAttribute("data-probability"));
        int track = top.findElement(By.className("track")).getSize().getWidth();
        // the bar grows with a short transition: wait for its end
        waitFor("the top bar is drawn as long as its probability (" + p + " of " + track + " px)",
                () -> Math.abs(top.findElement(By.className("fill")).getSize().getWidth() - p * track) <= 2);

        browser.findElement(By.id("clear")).click();

        assertEquals("–", browser.findElement(By.id("prediction")).getText());
        assertTrue(browser.findElements(By.cssSelector("#bars li.top")).isEmpty());
    }

    /** Presses the mouse at the first point (canvas pixels from its top left), moves through the rest, releases. */
    private void draw(List<int[]> points) {
        WebElement pad = browser.findElement(By.id("pad"));
        int half = pad.getSize().getWidth() / 2;
        Actions actions = new Actions(browser).moveToElement(pad, points.get(0)[0] - half, points.get(0)[1] - half)
                .clickAndHold();
        for (int k = 1; k < points.size(); k++) {
            // in short steps, as a hand moves, so that the page predicts while the stroke goes on
            int[] from = points.get(k - 1);
            int[] to = points.get(k);
            int steps = Math.max(1, (int) Math.hypot(to[0] - from[0], to[1] - from[1]) / 12);
            for (int s = 1; s <= steps; s++) {
                actions.moveToElement(pad, from[0] + (to[0] - from[0]) * s / steps - half,
                        from[1] + (to[1] - from[1]) * s / steps - half);
            }
        }
        actions.release().perform();
    }

    private static List<int[]> ellipse(int x, int y, int radiusX, int radiusY) {
        List<int[]> points = new java.util.ArrayList<>();
        for (int degrees = -90; degrees <= 275; degrees += 15) {
            double angle = Math.toRadians(degrees);
            points.add(new int[] {(int) Math.round(x + radiusX * Math.cos(angle)), (int) Math.round(y + radiusY * Math.sin(angle))});
        }
        return points;
    }

    /** The class on the page once the last stroke's answer has arrived. */
    private String shownClass() {
        waitFor("the page has shown the drawing's prediction", () -> "false".equals(((JavascriptExecutor) browser)
                .executeScript("return document.body.dataset.busy"))
                && !"0".equals(browser.findElement(By.id("prediction")).getAttribute("data-updates")));
        return browser.findElement(By.id("prediction")).getText();
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).withMessage(what).until(ignored -> condition.getAsBoolean());
    }

    /** Keeps a picture of the page in target/, for a person to look at. */
    private static void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
        Files.delete(shot.toPath());
    }
}
