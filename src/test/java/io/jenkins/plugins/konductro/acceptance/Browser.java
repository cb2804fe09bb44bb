package io.jenkins.plugins.konductro.acceptance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Selenium WebDriver through Debian's chromedriver, as jenkinsci/acceptance-test-harness
 * drives Jenkins: a person's clicks and typing on Jenkins' own pages.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final String jenkinsUrl;
    private final Path screenshots;

    Browser(String jenkinsUrl, Path workDir) throws IOException {
        this.jenkinsUrl = jenkinsUrl;
        this.screenshots = Files.createDirectories(workDir.resolve("screenshots"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory(workDir, "chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a page of Jenkins, {@code path} relative to its root. */
    Browser open(String path) {
        driver.get(jenkinsUrl + path);
        return this;
    }

    void login(String user) {
        driver.manage().deleteAllCookies();
        open("login");
        type(By.name("j_username"), user);
        type(By.name("j_password"), user + "-pass");
        driver.findElement(By.name("Submit")).click();
        waitFor(d -> !d.getCurrentUrl().contains("/login"));
    }

    WebElement find(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /**
     * The visible one of several elements that match (Jenkins keeps hidden copies of form sections), scrolled to the
     * middle of the window so that Jenkins' sticky bar of Save and Apply does not cover it.
     */
    WebElement visible(By by) {
        return reveal(waitFor(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null)));
    }

    WebElement reveal(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
        return element;
    }

    void type(By by, String text) {
        WebElement field = visible(by);
        field.clear();
        field.sendKeys(text);
    }

    void select(By by, String visibleText) {
        new Select(visible(by)).selectByVisibleText(visibleText);
    }

    /** Clicks the visible button or link whose text is {@code text}. */
    void click(String text) {
        visible(By.xpath("//*[self::button or self::a or self::span or self::li or self::label][normalize-space(.)="
                + literal(text) + "]")).click();
    }

    /** {@code text} as an XPath string literal, also when it holds an apostrophe. */
    static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Waits until the page's text contains {@code text}. */
    void waitForText(String text) {
        waitForText(text, Duration.ofSeconds(30));
    }

    void waitForText(String text, Duration limit) {
        new WebDriverWait(driver, limit).until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition::apply);
    }

    /** A screenshot of the page as it is, kept under the suite's work folder. */
    Path screenshot(String name) throws IOException {
        Path file = screenshots.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** A picture of one part of the page (the main panel, a form section), for the README. */
    Path screenshotOf(By part, String name) throws IOException {
        Path file = screenshots.resolve(name + ".png");
        Files.write(file, visible(part).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** What the browser's console reported as errors since the page loaded. */
    List<String> consoleErrors() {
        return driver.manage().logs().get("browser").getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(entry -> entry.getMessage()).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
