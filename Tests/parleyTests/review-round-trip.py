#!/usr/bin/env python3
"""A review round trip in headless Chromium through ChromeDriver (W3C WebDriver), as a person does it: open an event's
page, follow its sign-in link, type the token, choose a new type in the correction form, add a note, save, and print
what the browser then shows as JSON. Used by BrowserEndToEndTests; standard library only.

    review-round-trip.py CHROMIUM CHROMEDRIVER BASE_URL EVENT_ID TOKEN NEW_TYPE NOTE
"""
import http.client, json, socket, subprocess, sys, tempfile, time

chromium, chromedriver, base, event, token, new_type, note = sys.argv[1:8]

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
driver = subprocess.Popen([chromedriver, f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def call(method, path, body=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    c.request(method, path, body=json.dumps(body).encode() if body is not None else None, headers={"Content-Type": "application/json"})
    answer = json.loads(c.getresponse().read() or b"{}")
    c.close()
    return answer


try:
    for _ in range(100):
        try:
            call("GET", "/status")
            break
        except OSError:
            time.sleep(0.1)
    profile = tempfile.mkdtemp(prefix="parley-webdriver-")
    created = call("POST", "/session", {"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
        "binary": chromium,
        "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile]}}}})
    session = created["value"]["sessionId"]
    root = f"/session/{session}"
    # Elements are looked for up to 20 s (a loaded machine renders slowly); pages load within 60 s.
    call("POST", root + "/timeouts", {"implicit": 20000, "pageLoad": 60000})

    def element(selector):
        value = call("POST", root + "/element", {"using": "css selector", "value": selector})["value"]
        found = [v for k, v in value.items() if k.startswith("element-")]
        if not found:
            raise RuntimeError(f"no element {selector}: {value}")
        return found[0]

    def click(selector):
        call("POST", f"{root}/element/{element(selector)}/click", {})

    def type_into(selector, text):
        call("POST", f"{root}/element/{element(selector)}/value", {"text": text})

    def source():
        return call("GET", root + "/source")["value"]

    def url():
        return call("GET", root + "/url")["value"]

    def wait_until(ready, what):
        """A click on a submit button returns before the next page has loaded: wait for it (up to 30 s)."""
        for _ in range(300):
            if ready():
                return
            time.sleep(0.1)
        raise RuntimeError("timed out waiting for " + what)

    out = {}
    try:
        call("POST", root + "/url", {"url": f"{base}/events/E{event}"})
        click("#review-sign-in-link")
        wait_until(lambda: "Sign in to review" in source(), "the sign-in page")
        out["signInPage"] = True
        type_into("#review-token", token)
        click("#review-sign-in")
        wait_until(lambda: url().endswith(f"/events/E{event}"), "the event page after signing in")
        out["afterSignIn"] = url()
        click(f'#r-type option[value="{new_type}"]')
        type_into("#r-note", note)
        click("#review-set-submit")
        wait_until(lambda: note in source(), "the event page after saving the correction")
        out["afterSave"] = url()
        out["page"] = source()
    except Exception as e:  # reported to the test, which shows it
        out["error"] = f"{type(e).__name__}: {e}"
    call("DELETE", root)
    print(json.dumps(out))
except Exception as e:
    print(json.dumps({"error": f"{type(e).__name__}: {e}"}))
finally:
    driver.terminate()
    try:
        driver.wait(timeout=5)
    except subprocess.TimeoutExpired:
        driver.kill()
        driver.wait()
