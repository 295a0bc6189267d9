# adwatch's production image: the service only (no demo world, tests, benchmarks or training
# data: see .dockerignore), run as an unprivileged user. Three stages, so that a code change
# reinstalls none of the locked dependencies (torch included):
#   deps     a virtualenv with exactly requirements/runtime.txt (with the scale extra, so
#            sharded crawls over Redis work under compose); rebuilt only when the lock changes
#   wheel    adwatch built as a wheel from the source
#   runtime  deps' virtualenv + the wheel (a normal, non-editable install) + models/
# The models are not in the wheel: they lie at /opt/adwatch/models (ADWATCH_MODELS_DIR),
# read-only; the data directory /data belongs to the service user.
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS deps
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
# pdqhash (Meta's PDQ image hash) ships as source only: its C++ is compiled here, in the deps
# stage, so the runtime image carries no compiler.
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends g++ >/dev/null \
 && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
COPY requirements/runtime.txt /tmp/runtime.txt
# The lock pins torch's CPU build, which PyTorch publishes on its own index, not on PyPI.
RUN /opt/venv/bin/pip install --no-deps \
        --extra-index-url https://download.pytorch.org/whl/cpu -r /tmp/runtime.txt \
 && /opt/venv/bin/pip check

FROM ${PYTHON_IMAGE} AS wheel
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY . .
RUN pip wheel --no-deps --wheel-dir /wheels .

FROM ${PYTHON_IMAGE} AS runtime
ENV PATH=/opt/venv/bin:$PATH \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    ADWATCH_DATA_DIR=/data \
    ADWATCH_MODELS_DIR=/opt/adwatch/models \
    ADWATCH_API_HOST=0.0.0.0
RUN groupadd --system --gid 10001 adwatch \
 && useradd --system --uid 10001 --gid adwatch --home-dir /data --no-create-home \
        --shell /usr/sbin/nologin adwatch \
 && install -d -o adwatch -g adwatch -m 0750 /data
COPY --from=deps /opt/venv /opt/venv
COPY --from=wheel /wheels /tmp/wheels
RUN pip install --no-deps /tmp/wheels/*.whl \
 && rm -rf /tmp/wheels \
 && pip check
COPY models /opt/adwatch/models

USER 10001:10001
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8000
# Checks whichever of `adwatch serve | run | worker` the container runs (adwatch/healthcheck.py).
HEALTHCHECK --interval=30s --timeout=15s --start-period=2m --retries=3 \
    CMD ["python", "-m", "adwatch.healthcheck"]
CMD ["adwatch", "run"]
