from retro_tui.cli import main

raise SystemExit(main())
