# cabref build. `make help` lists the targets. User CFLAGS/LDFLAGS are respected; the warning
# set is always added and warnings are errors.
CC ?= cc
CLANG ?= clang
PYTHON ?= /usr/bin/python3
PREFIX ?= /usr/local
DESTDIR ?=
FUZZ_SECONDS ?= 60
VERSION := 0.1.0
SOVERSION := 0

CFLAGS ?= -O2 -g
WARN := -std=c11 -Wall -Wextra -Werror -Wconversion -Wsign-conversion -Wshadow \
        -Wstrict-prototypes -Wvla -Wformat=2
CPPFLAGS_ALL := -Iref/include -Ispec -I/usr/include/libxml2 -D_POSIX_C_SOURCE=200809L -DCABREF_VERSION='"$(VERSION)"' \
                $(CPPFLAGS)
LIBS := -ljansson -lpsl -lidn2 -lldns -lunbound -levent -lcrypto -lxml2 -lsqlite3
SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

B := build
CORE_SRC := $(sort $(wildcard ref/core/*.c))
SHELL_SRC := $(sort $(wildcard ref/shell/*.c))
CLI_SRC := $(sort $(wildcard ref/cli/*.c))
LIB_SRC := $(CORE_SRC) $(SHELL_SRC)
LIB_OBJ := $(LIB_SRC:%.c=$(B)/obj/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(B)/obj/%.o)
HEADERS := $(wildcard ref/include/cabref/*.h spec/*.h ref/shell/*.h fuzz/*.h)
FUZZ_TARGETS := $(basename $(notdir $(wildcard fuzz/*.c)))
TESTS := $(basename $(notdir $(wildcard tests/test_*.c)))

.PHONY: all check test proofs proofs-replay eva fuzz fuzz-replay bench trace install deps conformance \
        toolchain format format-check asan clean help vectors-check

all: $(B)/libcabref.a $(B)/libcabref.so $(B)/cabref

help:
	@echo "all check proofs proofs-replay eva fuzz bench trace conformance install deps toolchain format clean"

$(B)/obj/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(WARN) $(CFLAGS) -fPIC -c $< -o $@

$(B)/libcabref.a: $(LIB_OBJ)
	@mkdir -p $(B)
	rm -f $@ && ar rcs $@ $^

$(B)/libcabref.so: $(LIB_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -shared -Wl,-soname,libcabref.so.$(SOVERSION) -o $@.$(VERSION) \
	  $^ $(LIBS)
	ln -sf libcabref.so.$(VERSION) $(B)/libcabref.so.$(SOVERSION)
	ln -sf libcabref.so.$(VERSION) $@

$(B)/cabref: $(CLI_OBJ) $(B)/libcabref.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(B)/libcabref.a $(LIBS)

# Unit tests, built twice: plain, and under ASan+UBSan with clang.
$(B)/tests/%: tests/%.c $(B)/libcabref.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) -Iref/shell $(WARN) $(CFLAGS) -o $@ $< $(B)/libcabref.a $(LIBS)

# The library once more under ASan+UBSan, and once with libFuzzer's coverage as well; tests and
# fuzz targets link against these instead of recompiling every source each.
ASAN_OBJ := $(LIB_SRC:%.c=$(B)/asan/obj/%.o)
FZ_OBJ := $(LIB_SRC:%.c=$(B)/fz/obj/%.o)

$(B)/asan/obj/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CLANG) $(CPPFLAGS_ALL) $(WARN) -O1 -g $(SAN) -c $< -o $@

$(B)/fz/obj/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CLANG) $(CPPFLAGS_ALL) $(WARN) -O1 -g -fsanitize=fuzzer-no-link,address,undefined \
	  -fno-sanitize-recover=all -c $< -o $@

$(B)/asan/libcabref.a: $(ASAN_OBJ)
	rm -f $@ && ar rcs $@ $^

$(B)/fz/libcabref.a: $(FZ_OBJ)
	rm -f $@ && ar rcs $@ $^

$(B)/asan/tests/%: tests/%.c $(B)/asan/libcabref.a
	@mkdir -p $(dir $@)
	$(CLANG) $(CPPFLAGS_ALL) -Iref/shell $(WARN) -O1 -g $(SAN) -o $@ $< $(B)/asan/libcabref.a $(LIBS)

$(B)/asan/cabref: $(CLI_SRC) $(B)/asan/libcabref.a $(HEADERS)
	@mkdir -p $(dir $@)
	$(CLANG) $(CPPFLAGS_ALL) $(WARN) -O1 -g $(SAN) -o $@ $(CLI_SRC) $(B)/asan/libcabref.a $(LIBS)

asan: $(TESTS:%=$(B)/asan/tests/%) $(B)/asan/cabref

# Fuzz targets: libFuzzer + ASan + UBSan.
$(B)/fuzz/%: fuzz/%.c $(B)/fz/libcabref.a $(HEADERS)
	@mkdir -p $(dir $@)
	$(CLANG) $(CPPFLAGS_ALL) -Iref/shell $(WARN) -O1 -g -fsanitize=fuzzer,address,undefined \
	  -fno-sanitize-recover=all -o $@ $< $(B)/fz/libcabref.a $(LIBS)

# Each target runs FUZZ_SECONDS; its whole log is kept in $(B)/fuzz-logs/TARGET.log. A target that
# crashes, times out or leaks (libFuzzer exits nonzero) fails `make fuzz` after every target has
# run, and its report (the log from the first sanitizer or libFuzzer error line) is printed.
fuzz: $(FUZZ_TARGETS:%=$(B)/fuzz/%)
	@failed=""; mkdir -p $(B)/fuzz-logs fuzz/crashes; \
	for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$t $(B)/fuzz-new/$$t; \
	  log=$(B)/fuzz-logs/$$t.log; \
	  echo "== $$t: $(FUZZ_SECONDS) s (log $$log)"; \
	  dict=""; [ -f fuzz/$$t.dict ] && dict="-dict=fuzz/$$t.dict"; \
	  $(B)/fuzz/$$t $$dict -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
	    -rss_limit_mb=2048 -artifact_prefix=fuzz/crashes/$$t- -print_final_stats=1 \
	    $(B)/fuzz-new/$$t fuzz/corpus/$$t >$$log 2>&1; \
	  rc=$$?; \
	  if [ $$rc -ne 0 ]; then \
	    echo "!! $$t FAILED (exit $$rc); its report:"; \
	    report=$$(sed -n '/ERROR: \|runtime error\|invariant violated\|^[^ ]*: relevant owner/,$$p' $$log); \
	    if [ -n "$$report" ]; then echo "$$report" | head -80; else tail -40 $$log; fi; \
	    failed="$$failed $$t"; \
	  else \
	    grep -E '^(Done|stat::number_of_executed_units|stat::new_units_added)' $$log; \
	  fi; \
	done; \
	if [ -n "$$failed" ]; then echo "make fuzz: failed:$$failed (artifacts in fuzz/crashes/)"; exit 1; fi

fuzz-replay: $(FUZZ_TARGETS:%=$(B)/fuzz/%)

# Adapters that run our vectors against other implementations (examples/impls/*, issue 14); the
# ones that need only the project's own dependencies are built for make check.
$(B)/impls/psl_adapter: examples/impls/libpsl/psl_adapter.c examples/impls/cproto.h
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -O2 -o $@ $< -ljansson -lpsl -lidn2

$(B)/impls/caa_adapter: examples/impls/ldns/caa_adapter.c examples/impls/cproto.h
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -O2 -o $@ $< -ljansson -lldns

$(B)/impls/idn2_adapter: examples/impls/libidn2/idn2_adapter.c examples/impls/cproto.h
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Werror -O2 -o $@ $< -ljansson -lidn2

# The Go adapters build offline in GOPATH mode against Debian's golang-*-dev sources
# (/usr/share/gocode); examples/impls is linked in as the package path cabref/impls.
GO_ENV = GOPATH=$(CURDIR)/$(B)/gopath:/usr/share/gocode GO111MODULE=off GOFLAGS= GOPROXY=off \
         GOCACHE=$(CURDIR)/$(B)/gocache
GO_IMPLS := publicsuffix-go go-xnet-publicsuffix miekg-dns
$(B)/gopath/src/cabref/impls:
	@mkdir -p $(dir $@)
	ln -sfn $(CURDIR)/examples/impls $@

$(B)/impls/%-adapter: examples/impls/%/main.go examples/impls/goproto/goproto.go | $(B)/gopath/src/cabref/impls
	@mkdir -p $(dir $@)
	$(GO_ENV) go build -o $@ ./examples/impls/$*

# tldts comes from the npm registry (package-lock.json pins it): make conformance only.
$(B)/impls/tldts/node_modules/tldts/package.json: examples/impls/tldts/package.json \
    examples/impls/tldts/package-lock.json examples/impls/tldts/tldts_adapter.js
	@mkdir -p $(B)/impls/tldts
	cp examples/impls/tldts/package.json examples/impls/tldts/package-lock.json \
	  examples/impls/tldts/tldts_adapter.js $(B)/impls/tldts/
	cd $(B)/impls/tldts && npm ci --no-audit --no-fund --ignore-scripts

IMPLS_OFFLINE := $(B)/impls/psl_adapter $(B)/impls/caa_adapter $(B)/impls/idn2_adapter \
                 $(GO_IMPLS:%=$(B)/impls/%-adapter)

# Every adapter this machine can build, run on every vector group; the published results.
conformance: $(B)/cabref $(IMPLS_OFFLINE) $(B)/impls/tldts/node_modules/tldts/package.json
	$(PYTHON) tools/conformance.py --build $(B) --out conformance

check: all asan $(TESTS:%=$(B)/tests/%) fuzz-replay $(IMPLS_OFFLINE)
	@PYTHON=$(PYTHON) B=$(B) FUZZ_TARGETS="$(FUZZ_TARGETS)" TESTS="$(TESTS)" bash tools/check.sh

test: check

-include proofs/proofs.mk

BENCHES := $(basename $(notdir $(wildcard bench/*.c)))
bench: $(BENCHES:%=$(B)/bench/%) $(B)/cabref $(B)/bench/caa_climb_baseline
	@for b in $(BENCHES); do echo "== $$b"; $(B)/bench/$$b || exit 1; done
	@echo "== caa_dns_bench"; bash bench/caa_dns_bench.sh $(B)/cabref $(B)/bench/caa_climb_baseline

$(B)/bench/caa_climb_baseline: bench/dns/caa_climb_baseline.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(WARN) -O2 -g -o $@ $< -lunbound -levent

$(B)/bench/%: bench/%.c $(B)/libcabref.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(WARN) -O2 -g -o $@ $< $(B)/libcabref.a $(LIBS)

trace:
	@$(PYTHON) tools/trace.py

format:
	clang-format -i $(CORE_SRC) $(SHELL_SRC) $(CLI_SRC) ref/shell/*.h ref/include/cabref/*.h \
	  tests/*.c fuzz/*.c bench/*.c examples/impls/*/*.c examples/impls/*.h

format-check:
	@clang-format --dry-run -Werror $(CORE_SRC) $(SHELL_SRC) $(CLI_SRC) ref/shell/*.h \
	  ref/include/cabref/*.h tests/*.c fuzz/*.c bench/*.c examples/impls/*/*.c examples/impls/*.h

install: all
	install -d $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include/cabref \
	  $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	  $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 $(B)/libcabref.a $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(B)/libcabref.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/
	ln -sf libcabref.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libcabref.so.$(SOVERSION)
	ln -sf libcabref.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libcabref.so
	install -m 644 ref/include/cabref/*.h $(DESTDIR)$(PREFIX)/include/cabref/
	install -m 644 spec/*.h $(DESTDIR)$(PREFIX)/include/cabref/
	install -m 755 $(B)/cabref $(DESTDIR)$(PREFIX)/bin/
	install -m 644 man/cabref.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' tools/cabref.pc.in \
	  > $(DESTDIR)$(PREFIX)/lib/pkgconfig/cabref.pc

deps:
	bash tools/deps.sh

toolchain:
	@bash tools/toolchain.sh

clean:
	rm -rf $(B)
