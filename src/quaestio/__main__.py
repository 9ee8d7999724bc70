from quaestio.cli.entry import main

main()
