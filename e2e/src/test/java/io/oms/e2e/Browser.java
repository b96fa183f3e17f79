package io.oms.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Headless Debian Chromium driven by Selenium through Debian's chromedriver (console/install-chromium installs both), with
 * the flags a closed network needs, a fresh profile, and screenshots under {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("oms.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("oms.chromedriver", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;

    Browser() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException(CHROMIUM + " or " + CHROMEDRIVER + " is missing: run console/install-chromium");
        }
        try {
            profile = Files.createTempDirectory("oms-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(90));
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /**
     * Logs in as the operator would: a console page sends the browser to the issuer's login form (the sandbox's, user
     * name = password), which sends it back to that page.
     */
    void login(String consolePage, String user) {
        driver.get(consolePage);
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> !d.findElements(By.name("username")).isEmpty());
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(user);
        submit(By.cssSelector("button[type=submit]"));
        if (!driver.getCurrentUrl().startsWith(consolePage.substring(0, consolePage.indexOf('/', "http://".length())))) {
            throw new IllegalStateException("the login did not lead back to the console: " + driver.getCurrentUrl());
        }
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    /** Clicks a submit button or a link and waits until the browser shows the page the post led to (post/redirect/get). */
    void submit(WebElement button) {
        WebElement page = driver.findElement(By.tagName("html"));
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> gone(page));
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Whether the element left the document. While the next page replaces the old one, chromedriver may report the old
     * element as a node that "does not belong to the document" (an unknown error) rather than as stale: both mean gone.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException stale) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    void submit(By button) {
        submit(driver.findElement(button));
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    /** Saves what the browser shows as {@code target/screenshots/NAME.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
