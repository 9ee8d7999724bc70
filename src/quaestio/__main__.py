from quaestio.cli.app import main

main()
