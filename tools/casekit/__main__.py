from casekit.cli import main

raise SystemExit(main())
