from adwatch.cli import main

main()
