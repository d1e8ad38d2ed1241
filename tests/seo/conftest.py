from tests.demo.conftest import demo_site  # noqa: F401  (the real demo, loaded once per module)
