const { chromium } = require("playwright-core");
const { execSync } = require("child_process");
(async () => {
  const exe = execSync("which chromium chromium-browser 2>/dev/null || true").toString().trim().split("\n")[0];
  const b = await chromium.launch({ executablePath: exe, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  const p = await b.newPage({ viewport: { width: Number(process.argv[2] || 320), height: 900 } });
  await p.goto("http://localhost:8937/index.html" + (process.argv[3] || ""));
  await p.waitForTimeout(1500);
  if (process.argv[4]) { await p.getByRole("tab", { name: process.argv[4] }).click(); await p.waitForTimeout(800); }
  const r = await p.evaluate(() => {
    const W = document.documentElement.clientWidth;
    const out = [];
    for (const el of document.querySelectorAll("*")) {
      const b = el.getBoundingClientRect();
      if (b.right > W + 0.5) out.push(`${el.tagName}.${el.className.toString().slice(0,40)} right=${Math.round(b.right)} w=${Math.round(b.width)} text=${(el.textContent||"").slice(0,30)}`);
    }
    const tabs = [...document.querySelectorAll('[role="tab"]')].map((t) => { const b = t.getBoundingClientRect(); return `${t.textContent}:${Math.round(b.left)}-${Math.round(b.right)}@${Math.round(b.top)}`; });
    return { W, sw: document.documentElement.scrollWidth, out: out.slice(0, 15), tabs };
  });
  console.log(JSON.stringify(r, null, 1));
  await b.close();
})();
